package org.dbcreator.catalog.lint;

import java.util.List;
import java.util.Optional;

/**
 * An {@code ALTER TABLE} cut into its comma-separated clauses, with the table it changes and the
 * {@code ALGORITHM} and {@code LOCK} it asks for (upper case).
 *
 * @param clauses token ranges [from, to) of each clause
 */
record AlterTable(TableName table, List<int[]> clauses, Optional<String> algorithm, Optional<String> lock) {

    /** Empty unless the statement is an ALTER TABLE (not ALTER VIEW, ALTER DATABASE...). */
    static Optional<AlterTable> parse(LintStatement st) {
        int i = 1;
        while (st.isAny(i, "ONLINE", "IGNORE")) {
            i++;
        }
        if (!st.is(0, "ALTER") || !st.is(i, "TABLE")) {
            return Optional.empty();
        }
        i = st.skipIfExists(i + 1);
        TableName table = st.table(i);
        i = st.nameEnd(i);
        if (st.is(i, "NOWAIT")) {
            i++;
        } else if (st.is(i, "WAIT")) {
            i += 2;
        }
        List<int[]> clauses = st.split(i, st.size());
        return Optional.of(new AlterTable(table, clauses, option(st, clauses, "ALGORITHM"), option(st, clauses, "LOCK")));
    }

    /** An option is a clause of its own: {@code ALGORITHM=INPLACE}; a column named lock is not one. */
    private static Optional<String> option(LintStatement st, List<int[]> clauses, String name) {
        for (int[] clause : clauses) {
            if (st.is(clause[0], name)) {
                return Optional.of(st.upper(st.at(clause[0] + 1).equals("=") ? clause[0] + 2 : clause[0] + 1));
            }
        }
        return Optional.empty();
    }
}
