package org.dbcreator.catalog.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dbcreator.catalog.Script;

/**
 * The tables and columns a step's rollback script drops that its expand script created: where
 * the rows only the newer release wrote live, and so what a rollback could lose. Pure text
 * analysis, read the way {@link Rule#ROLLBACK_OUTSIDE_EXPAND} reads the two scripts.
 */
public final class RollbackDrops {

    private RollbackDrops() {}

    /**
     * A table (column empty) or a column the rollback drops.
     *
     * @param table the table's name as the rollback script writes it (unqualified, unquoted)
     * @param column the column's name as the rollback script writes it; empty for the whole table
     * @param line the line of the rollback script where the statement that drops it starts
     */
    public record Dropped(String table, Optional<String> column, int line) {

        /** {@code table} or {@code table.column}, lower case: how the manifest names it. */
        public String key() {
            return (table + column.map(c -> "." + c).orElse("")).toLowerCase(Locale.ROOT);
        }
    }

    /** In the rollback script's order; a table or column named twice is listed twice. */
    public static List<Dropped> of(Script expand, Script rollback) {
        return List.copyOf(RollbackScope.of(expand).droppedData(rollback));
    }
}
