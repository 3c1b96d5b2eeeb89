package org.dbcreator.catalog.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CREATE TABLE: adds the table to the schema model, flags MariaDB-only column definitions, and
 * flags {@code CREATE OR REPLACE} of an existing table, which drops it first.
 */
final class CreateTable {

    private static final String[] NOT_COLUMNS = {"PRIMARY", "KEY", "INDEX", "UNIQUE", "FULLTEXT", "SPATIAL",
        "CONSTRAINT", "FOREIGN", "CHECK", "PERIOD"};

    private final LintStatement st;
    private final SchemaModel model;
    private final List<Finding> out;

    CreateTable(LintStatement st, SchemaModel model, List<Finding> out) {
        this.st = st;
        this.model = model;
        this.out = out;
    }

    void apply(int kind) {
        int i = st.skipIfExists(kind + 1);
        boolean ifNotExists = i > kind + 1;
        TableName name = st.table(i);
        i = st.nameEnd(i);
        if (st.is(1, "TEMPORARY") || st.is(3, "TEMPORARY")) {
            model.createTemporary(name);
            return;
        }
        boolean exists = model.table(name).isPresent() && !model.isNewTable(name);
        if (exists && ifNotExists) {
            return; // the server leaves it as it is
        }
        if (exists && st.is(1, "OR")) {
            out.add(st.finding(Rule.DROP_TABLE, 0, "replaces table " + name
                    + " (CREATE OR REPLACE drops it first), which nodes of older releases still use"));
        }
        model.createTable(name, table(i));
    }

    private SchemaModel.Table table(int i) {
        if (st.is(i, "LIKE") || (st.at(i).equals("(") && st.is(i + 1, "LIKE"))) {
            TableName original = st.table(st.is(i, "LIKE") ? i + 1 : i + 2);
            return model.table(original).map(SchemaModel.Table::copy).orElse(SchemaModel.Table.opaque());
        }
        if (!st.at(i).equals("(")) {
            return SchemaModel.Table.opaque(); // CREATE TABLE ... AS SELECT: the columns come from the query
        }
        // columns listed before a SELECT are known; the query's further columns are not, and stay unknown
        int close = st.closing(i);
        Map<String, ColumnDefinition> columns = new LinkedHashMap<>();
        Map<String, List<String>> uniqueKeys = new LinkedHashMap<>();
        for (int[] part : st.split(i + 1, close)) {
            if (st.isAny(part[0], "PRIMARY", "UNIQUE", "CONSTRAINT")) {
                KeyDefinition key = KeyDefinition.parse(st, part[0], part[1]);
                if (key.kind().equals("PRIMARY") || key.kind().equals("UNIQUE")) {
                    uniqueKeys.put(key.name(), key.columns());
                }
            } else if (!st.isAny(part[0], NOT_COLUMNS)) {
                ColumnDefinition column = ColumnDefinition.parse(st, part[0], part[1]);
                MariaDbSyntax.column(st, column).ifPresent(out::add);
                String name = column.name().toLowerCase(Locale.ROOT);
                columns.put(name, column);
                if (column.unique()) {
                    uniqueKeys.putIfAbsent(name, List.of(name));
                }
            }
        }
        return new SchemaModel.Table(charset(close), columns, uniqueKeys);
    }

    /** The table's default character set: {@code [DEFAULT] CHARSET=x}, {@code CHARACTER SET x} or a COLLATE's prefix. */
    private Optional<String> charset(int from) {
        for (int i = from; i < st.size(); i++) {
            if (st.depth(i) != 0) {
                continue;
            }
            if (st.is(i, "CHARSET") || (st.is(i, "CHARACTER") && st.is(i + 1, "SET"))) {
                int value = i + (st.is(i, "CHARSET") ? 1 : 2);
                return Optional.of(st.at(st.at(value).equals("=") ? value + 1 : value).toLowerCase(Locale.ROOT));
            }
            if (st.is(i, "COLLATE")) {
                String collation = st.at(st.at(i + 1).equals("=") ? i + 2 : i + 1);
                return Optional.of(collation.split("_")[0].toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
