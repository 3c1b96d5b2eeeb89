package org.dbcreator.backup;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be known of a dump's statement without a server: that its parentheses match, that it
 * begins with a word a dump of one database holds (mysqldump's and mariadb-dump's, behind their
 * version comments, included), and that an INSERT parses whole: its table, columns and every row
 * with its quotes. The rest of a statement (a CREATE's body) only the server judges, in a restore.
 */
final class StatementCheck {

    /** Every statement kind mysqldump, mariadb-dump and DatabaseCreator write for one database. */
    private static final Set<String> DUMP_WORDS = Set.of("SET", "CREATE", "DROP", "ALTER", "INSERT", "REPLACE", "LOCK",
            "UNLOCK", "USE", "COMMIT", "START", "BEGIN", "FLUSH", "CHANGE", "SELECT", "PREPARE", "EXECUTE", "DEALLOCATE");
    private static final Pattern FIRST_WORD = Pattern.compile("(?:/\\*M?!\\d*\\s*)?([A-Za-z]+)");

    private StatementCheck() {}

    /** Why the statement cannot be what it should, or empty when it can. */
    static Optional<String> problem(DumpStatement s, boolean balanced) {
        return problem(s, balanced, s.startsWithIgnoreCase("INSERT") ? InsertRows.of(s.sql()) : Optional.empty());
    }

    /** @param insert the statement already parsed as an INSERT, when it begins with INSERT: parsed once */
    static Optional<String> problem(DumpStatement s, boolean balanced, Optional<InsertRows> insert) {
        if (!balanced) {
            return Optional.of("its parentheses do not match");
        }
        Matcher m = FIRST_WORD.matcher(s.sql());
        if (!m.lookingAt() || !DUMP_WORDS.contains(m.group(1).toUpperCase(Locale.ROOT))) {
            return Optional.of("a dump of a database holds no statement that begins like this");
        }
        if (s.startsWithIgnoreCase("INSERT") && insert.isEmpty()) {
            return Optional.of("the INSERT does not parse: its table, columns or rows are broken");
        }
        return Optional.empty();
    }
}
