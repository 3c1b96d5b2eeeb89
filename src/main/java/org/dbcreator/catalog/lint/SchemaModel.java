package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables and columns as the catalog's scripts leave them, replayed from their text so that a
 * MODIFY can be compared with the column it redefines, and a new unique key with the keys there
 * are. It also remembers what the script being linted created itself: a script may drop or rename
 * its own new things freely. Tables are keyed by database and name, so that another database's
 * {@code other.t} is never taken for the product's {@code t}. Names compare without case.
 */
final class SchemaModel {

    /**
     * A table's default character set, its columns and its unique keys (the primary key under
     * "primary"), all by lower-case name; a key's columns are lower-case, a prefix written {@code a(10)}.
     */
    record Table(Optional<String> charset, Map<String, ColumnDefinition> columns, Map<String, List<String>> uniqueKeys) {

        Table(Optional<String> charset, Map<String, ColumnDefinition> columns) {
            this(charset, columns, new LinkedHashMap<>());
        }

        /** A table whose columns the text does not show (CREATE TABLE ... AS SELECT): a MODIFY of it is a finding. */
        static Table opaque() {
            return new Table(Optional.empty(), new LinkedHashMap<>());
        }

        Table copy() {
            return new Table(charset, new LinkedHashMap<>(columns), new LinkedHashMap<>(uniqueKeys));
        }
    }

    private record ColumnKey(TableName table, String column) {}

    private final Map<TableName, Table> tables = new HashMap<>();
    private final Set<TableName> newTables = new HashSet<>();
    private final Set<ColumnKey> newColumns = new HashSet<>();

    /** Starts a new script: what the previous one created is no longer new. */
    void startScript() {
        newTables.clear();
        newColumns.clear();
    }

    Optional<Table> table(TableName name) {
        return Optional.ofNullable(tables.get(name.key()));
    }

    Optional<ColumnDefinition> column(TableName table, String column) {
        return table(table).map(t -> t.columns().get(key(column)));
    }

    /**
     * True when the script being linted created this table, so older nodes cannot be using it.
     * Another database's table counts as new too: the product's older nodes never use it, so no
     * expand rule judges it (the OTHER_DATABASE rule reports it).
     */
    boolean isNewTable(TableName name) {
        return !name.isOwn() || newTables.contains(name.key());
    }

    boolean isNewColumn(TableName table, String column) {
        return isNewTable(table) || newColumns.contains(new ColumnKey(table.key(), key(column)));
    }

    void createTable(TableName name, Table table) {
        tables.put(name.key(), table);
        newTables.add(name.key());
    }

    /** A temporary table: the script's own, but not part of the schema. */
    void createTemporary(TableName name) {
        newTables.add(name.key());
    }

    void dropTable(TableName name) {
        tables.remove(name.key());
        newTables.remove(name.key());
    }

    void renameTable(TableName from, TableName to) {
        Table table = tables.remove(from.key());
        if (table != null) {
            tables.put(to.key(), table);
        }
        if (newTables.remove(from.key())) {
            newTables.add(to.key());
        }
    }

    /** Adds or replaces {@code definition}, under the name {@code replaced} had if given. */
    void putColumn(TableName table, Optional<String> replaced, ColumnDefinition definition, boolean added) {
        Table t = tables.get(table.key());
        if (t == null) {
            return;
        }
        boolean wasNew = replaced.map(old -> isNewColumn(table, old)).orElse(false);
        replaced.filter(old -> !key(old).equals(key(definition.name()))).ifPresent(old -> dropKeysWith(t, old));
        replaced.ifPresent(old -> t.columns().remove(key(old)));
        t.columns().put(key(definition.name()), definition);
        if (definition.unique()) {
            t.uniqueKeys().putIfAbsent(key(definition.name()), List.of(key(definition.name())));
        }
        if (added || wasNew) {
            newColumns.add(new ColumnKey(table.key(), key(definition.name())));
        }
    }

    void dropColumn(TableName table, String column) {
        table(table).ifPresent(t -> {
            t.columns().remove(key(column));
            dropKeysWith(t, column);
        });
    }

    /** The unique keys of the table now: each key's columns. */
    List<List<String>> uniqueKeys(TableName table) {
        return table(table).map(t -> List.copyOf(t.uniqueKeys().values())).orElse(List.of());
    }

    void addUniqueKey(TableName table, String name, List<String> columns) {
        table(table).ifPresent(t -> t.uniqueKeys().put(key(name), columns.stream().map(SchemaModel::key).toList()));
    }

    /** Removes the index of that name; returns its columns if it was a unique key. */
    Optional<List<String>> dropIndex(TableName table, String name) {
        return table(table).map(t -> t.uniqueKeys().remove(key(name)));
    }

    /**
     * A key loses a dropped or renamed column; the model forgets the key rather than guess what is
     * left of it, so that a later unique key is never thought safe on a key that is gone.
     */
    private static void dropKeysWith(Table table, String column) {
        List<String> names = new ArrayList<>();
        table.uniqueKeys().forEach((name, columns) -> {
            if (columns.stream().anyMatch(c -> c.equals(key(column)) || c.startsWith(key(column) + "("))) {
                names.add(name);
            }
        });
        names.forEach(table.uniqueKeys()::remove);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
