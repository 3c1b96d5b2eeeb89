package org.dbcreator.catalog;

import java.util.Optional;

/**
 * How a step's rollback undoes what the newer release wrote into a table or column that its
 * rollback script drops, as the manifest declares it under the step's {@code rollback-data}.
 * Undeclared, every row there holding a value (a table's rows; a column's values other than NULL
 * and its default) counts as data the rollback would lose.
 *
 * @param countWhere for {@link Kind#COUNT_WHERE}: a condition on the table's rows that picks those
 *     holding what the rollback loses (for instance rows the expand itself wrote are left out)
 */
public record RollbackData(Kind kind, Optional<String> countWhere) {

    public enum Kind {
        /** The old columns were kept in sync (triggers, dual writes): dropping the new one loses nothing. */
        KEPT_IN_SYNC,
        /** The rollback script copies its data back where the old release reads it before dropping it. */
        RESTORED,
        /** Only the rows matching {@link #countWhere} hold data the rollback loses. */
        COUNT_WHERE
    }

    /** Whether a rollback that drops it loses nothing, by the catalog's word. */
    public boolean losesNothing() {
        return kind != Kind.COUNT_WHERE;
    }

    /** The manifest's spelling of it. */
    public String word() {
        return switch (kind) {
            case KEPT_IN_SYNC -> "kept-in-sync";
            case RESTORED -> "restored";
            case COUNT_WHERE -> "count-where: " + countWhere.orElse("");
        };
    }
}
