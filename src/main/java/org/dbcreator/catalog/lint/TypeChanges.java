package org.dbcreator.catalog.lint;

import java.util.Optional;

/** COLUMN_TYPE_CHANGE and its NOT NULL cousins: a column's new definition against its old one. */
final class TypeChanges {

    private TypeChanges() {}

    static Optional<Finding> judge(LintStatement st, TableName table, ColumnDefinition before, ColumnDefinition after,
            SchemaModel model) {
        String column = table + "." + before.name();
        String types = " from " + before.type().describe() + " to " + after.type().describe();
        ColumnType.Change change = before.type().changeTo(after.type(),
                model.table(table).flatMap(SchemaModel.Table::charset));
        int at = after.at();
        return switch (change) {
            case NARROWED -> Optional.of(st.finding(Rule.COLUMN_TYPE_CHANGE, at, "narrows " + column + types
                    + ": older nodes may still write values that no longer fit"));
            case CHANGED -> Optional.of(st.finding(Rule.COLUMN_TYPE_CHANGE, at, "changes " + column + types
                    + ", which older nodes still read and write as it was (and the server copies the table)"));
            case WIDENED_PAST_255_BYTES -> Optional.of(st.finding(Rule.COLUMN_TYPE_CHANGE, at, "widens " + column + types
                    + ": past 255 bytes its length prefix grows, so the server copies the table",
                    "Stay within 255 bytes, or widen it in a maintenance window."));
            case SAME, WIDENED -> attributes(st, column, before, after);
        };
    }

    private static Optional<Finding> attributes(LintStatement st, String column, ColumnDefinition before,
            ColumnDefinition after) {
        if (!before.notNull() && after.notNull()) {
            return Optional.of(st.finding(Rule.COLUMN_TYPE_CHANGE, after.at(), "makes " + column
                    + " NOT NULL: older nodes may still write NULL into it", "Make it NOT NULL in the cleanup script."));
        }
        if (before.acceptsInsertsWithoutIt() && !after.acceptsInsertsWithoutIt()) {
            return Optional.of(st.finding(Rule.NOT_NULL_WITHOUT_DEFAULT, after.at(), "leaves NOT NULL column " + column
                    + " without its DEFAULT: inserts of older nodes, which leave it out, fail"));
        }
        if (after.unique() && !before.unique()) {
            return Optional.of(st.finding(Rule.ADD_UNIQUE_KEY, after.at(), "makes " + column
                    + " unique: older nodes may still write duplicates, which it refuses"));
        }
        return Optional.empty();
    }
}
