package org.dbcreator.catalog.lint;

import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Manifest;

/**
 * LARGE_TABLE_WITHOUT_ALGORITHM: a change to a large table must say how the server may do it, so
 * that it refuses rather than silently copies the table while every node waits to write. INSTANT
 * never locks; INPLACE (or MariaDB's NOCOPY) needs {@code LOCK=NONE} to be sure writes go on.
 */
final class OnlineDdl {

    private static final Set<String> IN_PLACE = Set.of("INPLACE", "NOCOPY");

    private OnlineDdl() {}

    /**
     * @param what the statement's verb phrase, e.g. "alters" or "builds an index on"
     * @param algorithm the ALGORITHM written, upper case; lock likewise
     */
    static Optional<Finding> check(LintStatement st, Manifest manifest, SchemaModel model, TableName table, String what,
            Optional<String> algorithm, Optional<String> lock) {
        if (!table.isOwn() || !manifest.isLarge(table.name()) || model.isNewTable(table)) {
            return Optional.empty(); // a table created by this very script is still empty
        }
        String alg = algorithm.orElse("");
        String lk = lock.orElse("");
        String subject = what + " large table " + table;
        if (alg.equals("INSTANT")) {
            return lk.equals("SHARED") || lk.equals("EXCLUSIVE")
                    ? Optional.of(st.finding(Rule.LARGE_TABLE_WITHOUT_ALGORITHM, 0, subject + " with LOCK=" + lk
                            + ", which blocks the running nodes' writes; ALGORITHM=INSTANT needs no lock"))
                    : Optional.empty();
        }
        if (IN_PLACE.contains(alg)) {
            return lk.equals("NONE") ? Optional.empty()
                    : Optional.of(st.finding(Rule.LARGE_TABLE_WITHOUT_ALGORITHM, 0, subject + " with ALGORITHM=" + alg
                            + (lk.isEmpty() ? " but without LOCK=NONE" : " and LOCK=" + lk)
                            + ": the server may block the running nodes' writes while it works"));
        }
        String how = alg.isEmpty() ? " without ALGORITHM: the server may copy it" : alg.equals("COPY")
                ? " with ALGORITHM=COPY: the server copies it" : " with ALGORITHM=" + alg + ": the server may copy it";
        return Optional.of(st.finding(Rule.LARGE_TABLE_WITHOUT_ALGORITHM, 0, subject + how
                + ", blocking the running nodes' writes until the copy ends"));
    }
}
