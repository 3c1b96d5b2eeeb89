package org.dbcreator.catalog.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The product's tables and columns as the catalog's scripts leave them, replayed from their text
 * so that a MODIFY can be compared with the column it redefines. It also remembers what the
 * script being linted created itself: a script may drop or rename its own new things freely.
 * Names compare without case.
 */
final class SchemaModel {

    /** A table's default character set and its columns by lower-case name. */
    record Table(Optional<String> charset, Map<String, ColumnDefinition> columns) {
        /** A table whose columns the text does not show (CREATE TABLE ... AS SELECT): a MODIFY of it is a finding. */
        static Table opaque() {
            return new Table(Optional.empty(), new LinkedHashMap<>());
        }
    }

    private final Map<String, Table> tables = new HashMap<>();
    private final Set<String> newTables = new HashSet<>();
    private final Set<String> newColumns = new HashSet<>();

    /** Starts a new script: what the previous one created is no longer new. */
    void startScript() {
        newTables.clear();
        newColumns.clear();
    }

    Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    Optional<ColumnDefinition> column(String table, String column) {
        return table(table).map(t -> t.columns().get(key(column)));
    }

    /** True when the script being linted created this table, so older nodes cannot be using it. */
    boolean isNewTable(String name) {
        return newTables.contains(key(name));
    }

    boolean isNewColumn(String table, String column) {
        return isNewTable(table) || newColumns.contains(key(table) + "." + key(column));
    }

    void createTable(String name, Table table) {
        tables.put(key(name), table);
        newTables.add(key(name));
    }

    /** A temporary table: the script's own, but not part of the schema. */
    void createTemporary(String name) {
        newTables.add(key(name));
    }

    void dropTable(String name) {
        tables.remove(key(name));
        newTables.remove(key(name));
    }

    void renameTable(String from, String to) {
        Table table = tables.remove(key(from));
        if (table != null) {
            tables.put(key(to), table);
        }
        if (newTables.remove(key(from))) {
            newTables.add(key(to));
        }
    }

    /** Adds or replaces {@code definition}, under the name {@code replaced} had if given. */
    void putColumn(String table, Optional<String> replaced, ColumnDefinition definition, boolean added) {
        Table t = tables.get(key(table));
        if (t == null) {
            return;
        }
        boolean wasNew = replaced.map(old -> isNewColumn(table, old)).orElse(false);
        replaced.ifPresent(old -> t.columns().remove(key(old)));
        t.columns().put(key(definition.name()), definition);
        if (added || wasNew) {
            newColumns.add(key(table) + "." + key(definition.name()));
        }
    }

    void dropColumn(String table, String column) {
        table(table).ifPresent(t -> t.columns().remove(key(column)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
