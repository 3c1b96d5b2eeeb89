package org.dbcreator.backup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the dump needs to know of one base table: the columns it writes (generated columns are
 * computed again on restore; invisible ones are named, since {@code SELECT *} leaves them out),
 * its engine, size estimates, and an integer primary key to split it into ranges by.
 *
 * @param withData false for tables whose rows mean nothing in a restored copy (the operator lock)
 */
record TableShape(String name, String engine, long estimatedRows, long dataBytes, List<Column> columns,
        Optional<String> integerKey, boolean withData) {

    record Column(String name, ColumnKind kind) {}

    TableShape {
        columns = List.copyOf(columns);
    }

    /** Only InnoDB takes part in the consistent snapshot. */
    boolean isTransactional() {
        return engine == null || engine.toLowerCase(Locale.ROOT).equals("innodb");
    }

    String selectSql(String database, String where) {
        return "SELECT " + columns.stream().map(c -> c.kind().selectExpression(c.name())).collect(Collectors.joining(","))
                + " FROM " + SqlNames.quote(database) + "." + SqlNames.quote(name) + where;
    }

    ColumnKind[] kinds() {
        return columns.stream().map(Column::kind).toArray(ColumnKind[]::new);
    }

    byte[] insertPrefix() {
        return ("INSERT INTO " + SqlNames.quote(name) + " ("
                + columns.stream().map(c -> SqlNames.quote(c.name())).collect(Collectors.joining(","))
                + ") VALUES ").getBytes(StandardCharsets.UTF_8);
    }
}
