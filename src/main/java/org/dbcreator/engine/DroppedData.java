package org.dbcreator.engine;

import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.RollbackData;
import org.dbcreator.catalog.Version;

/**
 * A table or column a rollback drops that the step's expand created, with what the newer release
 * wrote there: the rows the rollback would lose unless the catalog says how they are undone.
 *
 * @param step the release whose expand created it (the step being rolled back)
 * @param table the table, as the rollback script names it
 * @param column the column; empty when the whole table is dropped
 * @param rows rows holding data there, counted on the server: a table's rows (or those matching the
 *     catalog's {@code count-where}); a column's values other than NULL and its default. Empty when
 *     not counted, because the catalog declares that dropping it loses nothing
 * @param declared what the catalog declares for it, if anything
 */
public record DroppedData(Version step, String table, Optional<String> column, OptionalLong rows,
        Optional<RollbackData> declared) {

    /** Whether dropping it loses rows: counted, and more than none. */
    public boolean losesRows() {
        return rows.isPresent() && rows.getAsLong() > 0;
    }

    /** {@code table} or {@code table.column}. */
    public String name() {
        return table + column.map(c -> "." + c).orElse("");
    }

    /** One line for the operator, e.g. {@code column host.uuid (4.1.0): 12 rows}. */
    public String describe() {
        String what = (column.isPresent() ? "column " : "table ") + name() + " (" + step + ")";
        if (rows.isEmpty()) {
            return what + ": " + declared.map(d -> d.kind() == RollbackData.Kind.KEPT_IN_SYNC
                    ? "kept in sync with the old columns, nothing lost" : "restored by the rollback script, nothing lost")
                    .orElse("nothing lost");
        }
        long n = rows.getAsLong();
        return what + ": " + n + (n == 1 ? " row" : " rows") + (column.isPresent() ? " with a value" : "")
                + declared.flatMap(RollbackData::countWhere).map(w -> " where " + w).orElse("");
    }
}
