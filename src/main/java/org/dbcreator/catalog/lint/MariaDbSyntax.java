package org.dbcreator.catalog.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MARIADB_ONLY_SYNTAX: what MariaDB accepts and MySQL 8.0 refuses (or, for {@code /*M!} comments,
 * silently skips). The catalog must deploy on both, so each is a warning with the portable form.
 */
final class MariaDbSyntax {

    private static final Pattern SEQUENCE_TABLE = Pattern.compile("(?i)seq_\\d+_to_\\d+(_step_\\d+)?");
    private static final Set<String> ENGINES = Set.of("ARIA", "SEQUENCE", "COLUMNSTORE", "SPIDER", "S3", "MROONGA",
            "OQGRAPH", "CONNECT");
    private static final Set<String> WAITING_VERBS = Set.of("ALTER", "CREATE", "DROP", "RENAME");
    private static final Set<String> DATA_VERBS = Set.of("INSERT", "REPLACE", "DELETE");

    private MariaDbSyntax() {}

    static void check(LintStatement st, List<Finding> out) {
        for (int line : st.mariaDbCommentLines()) {
            out.add(st.findingAtLine(Rule.MARIADB_ONLY_SYNTAX, line, "a /*M! comment: MariaDB runs what it holds,"
                    + " MySQL 8.0 skips it", "Write plain SQL that both servers run."));
        }
        statement(st, out);
        for (int i = 0; i < st.size(); i++) {
            token(st, i, out);
        }
    }

    /** A column definition's MariaDB-only part (a type such as INET6, a bare {@code DEFAULT uuid()}). */
    static Optional<Finding> column(LintStatement st, ColumnDefinition column) {
        return column.mariaDbOnly().map(what -> st.finding(Rule.MARIADB_ONLY_SYNTAX, column.at(), what
                + " is MariaDB-only: MySQL 8.0 refuses it", what.startsWith("DEFAULT")
                ? "Write DEFAULT (expression): MySQL needs the parentheses."
                : "Use a type both servers know, e.g. CHAR(36) for a UUID or VARCHAR(39) for an address."));
    }

    private static void statement(LintStatement st, List<Finding> out) {
        String verb = st.upper(0);
        int kind = st.objectKind();
        String object = kind < 0 ? "" : st.upper(kind);
        if (verb.equals("CREATE") && st.is(1, "OR") && st.is(2, "REPLACE") && !object.equals("VIEW")) {
            flag(st, out, 0, "CREATE OR REPLACE " + object, "Write DROP " + object + " IF EXISTS, then CREATE "
                    + object + " (for a table: CREATE TABLE IF NOT EXISTS, since replacing drops its rows).");
        }
        if (kind > 0 && st.is(kind + 1, "IF") && isIndexOrRename(verb, object)) {
            flag(st, out, kind + 1, verb + " " + object + " " + ifExists(st, kind + 1), "Leave out the IF"
                    + (st.is(kind + 2, "NOT") ? " NOT" : "") + " EXISTS: the journal already keeps a statement from running twice.");
        }
        for (int i = 1; i < kind; i++) {
            if (st.isAny(i, "ONLINE", "OFFLINE")) {
                flag(st, out, i, verb + " " + st.upper(i) + " " + object,
                        "Write " + verb + " " + object + " with ALGORITHM=INPLACE, LOCK=NONE.");
            }
        }
        if (object.equals("SEQUENCE") && WAITING_VERBS.contains(verb)) {
            flag(st, out, 0, verb + " SEQUENCE", "Use an AUTO_INCREMENT column.");
        }
        if (verb.equals("SET") && st.is(1, "STATEMENT")) {
            flag(st, out, 0, "SET STATEMENT ... FOR", "SET SESSION the variable before the statement and back after it.");
        }
        if (verb.equals("EXECUTE") && st.is(1, "IMMEDIATE")) {
            flag(st, out, 0, "EXECUTE IMMEDIATE", "Use PREPARE, EXECUTE and DEALLOCATE PREPARE.");
        }
        if (object.equals("TABLE") && verb.equals("ALTER")) {
            alterTableIfExists(st, out);
        }
        if (object.equals("TABLE") || object.equals("INDEX")) {
            instantWithLock(st, out, object.equals("TABLE") && verb.equals("ALTER"));
        }
    }

    private static boolean isIndexOrRename(String verb, String object) {
        return (object.equals("INDEX") && (verb.equals("CREATE") || verb.equals("DROP")))
                || (object.equals("TABLE") && verb.equals("RENAME")) || (object.equals("VIEW") && verb.equals("CREATE"));
    }

    /** Every IF [NOT] EXISTS of an ALTER TABLE: of the table itself or of a clause (ADD COLUMN IF NOT EXISTS). */
    private static void alterTableIfExists(LintStatement st, List<Finding> out) {
        for (int i = 1; i < st.size(); i++) {
            if (st.depth(i) == 0 && st.is(i, "IF") && st.skipIfExists(i) > i) {
                String before = st.isAny(i - 2, "ADD", "DROP", "MODIFY", "CHANGE", "RENAME", "ALTER")
                        ? st.upper(i - 2) + " " + st.upper(i - 1) : st.upper(i - 1);
                flag(st, out, i, before + " " + ifExists(st, i),
                        "Leave it out: the journal already keeps a statement from running twice.");
            }
        }
    }

    /** ALGORITHM=INSTANT with a LOCK clause: MariaDB ignores the lock, MySQL refuses the statement. */
    private static void instantWithLock(LintStatement st, List<Finding> out, boolean alterTable) {
        Optional<String> algorithm = alterTable ? AlterTable.parse(st).flatMap(AlterTable::algorithm)
                : st.option("ALGORITHM", 1);
        Optional<String> lock = alterTable ? AlterTable.parse(st).flatMap(AlterTable::lock) : st.option("LOCK", 1);
        if (algorithm.filter("INSTANT"::equals).isPresent() && lock.filter(l -> !l.equals("DEFAULT")).isPresent()) {
            int at = Math.max(0, st.find("LOCK", 1));
            flag(st, out, at, "ALGORITHM=INSTANT with LOCK=" + lock.get(),
                    "Leave out the LOCK clause: INSTANT takes no lock, and MySQL refuses any LOCK but DEFAULT with it.");
        }
    }

    private static void token(LintStatement st, int i, List<Finding> out) {
        String verb = st.upper(0);
        if (SEQUENCE_TABLE.matcher(st.at(i)).matches()) {
            flag(st, out, i, "the Sequence engine table " + st.at(i), "Generate the rows with WITH RECURSIVE.");
        } else if (st.is(i, "ALGORITHM") && st.is(st.at(i + 1).equals("=") ? i + 2 : i + 1, "NOCOPY")) {
            flag(st, out, i, "ALGORITHM=NOCOPY", "Write ALGORITHM=INPLACE, LOCK=NONE.");
        } else if (st.is(i, "RETURNING") && st.depth(i) == 0 && DATA_VERBS.contains(verb)) {
            flag(st, out, i, verb + " ... RETURNING", "Read the rows back with a SELECT.");
        } else if ((st.isAny(i, "NEXTVAL", "LASTVAL", "SETVAL") && st.at(i + 1).equals("("))
                || (st.isAny(i, "NEXT", "PREVIOUS") && st.is(i + 1, "VALUE") && st.is(i + 2, "FOR"))) {
            flag(st, out, i, "the sequence function " + st.upper(i), "Use an AUTO_INCREMENT column.");
        } else if ((st.is(i, "SYSTEM") && st.is(i + 1, "VERSIONING")) || st.is(i, "SYSTEM_TIME")) {
            flag(st, out, i, "system versioning", "Keep history in a table of its own, written by the application.");
        } else if (st.is(i, "ENGINE") && ENGINES.contains(st.upper(st.at(i + 1).equals("=") ? i + 2 : i + 1))) {
            flag(st, out, i, "ENGINE=" + st.at(st.at(i + 1).equals("=") ? i + 2 : i + 1), "Use ENGINE=InnoDB.");
        } else if (st.depth(i) == 0 && waits(st, i) && (WAITING_VERBS.contains(verb) && isTableOrIndex(st)
                || verb.equals("TRUNCATE") || verb.equals("OPTIMIZE") || verb.equals("LOCK"))) {
            flag(st, out, i, st.is(i, "NOWAIT") ? "NOWAIT" : "WAIT " + st.at(i + 1),
                    "SET SESSION lock_wait_timeout before the statement instead.");
        }
    }

    private static boolean waits(LintStatement st, int i) {
        return st.is(i, "NOWAIT") || (st.is(i, "WAIT") && st.at(i + 1).chars().allMatch(Character::isDigit)
                && !st.at(i + 1).isEmpty());
    }

    private static boolean isTableOrIndex(LintStatement st) {
        int kind = st.objectKind();
        return kind > 0 && st.isAny(kind, "TABLE", "INDEX") && !(st.is(0, "CREATE") && st.is(kind, "TABLE"));
    }

    private static String ifExists(LintStatement st, int i) {
        return st.is(i + 1, "NOT") ? "IF NOT EXISTS" : "IF EXISTS";
    }

    private static void flag(LintStatement st, List<Finding> out, int token, String what, String fix) {
        out.add(st.finding(Rule.MARIADB_ONLY_SYNTAX, token, what + " is MariaDB-only: MySQL 8.0 refuses it", fix));
    }
}
