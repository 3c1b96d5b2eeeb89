package org.dbcreator.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A routine with a BEGIN ... END body written under the plain ';' delimiter is cut at its first
 * inner ';'. The server may even accept the first piece, so the splitter fails with the remedy
 * instead. Under any other delimiter the author has taken charge, which is also the way out should
 * this guess be wrong (e.g. a trigger that uses a column named begin).
 */
final class RoutineBody {

    private static final Set<String> ROUTINE_KINDS = Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");

    private RoutineBody() {}

    /** The routine kind (PROCEDURE, TRIGGER…) when sql, cut at a ';', is a routine whose body lacks its END. */
    static Optional<String> cutShortKind(String sql) {
        if (!sql.regionMatches(true, 0, "CREATE", 0, 6) && !sql.startsWith("/*!") && !sql.startsWith("/*M!")) {
            return Optional.empty(); // not a CREATE: spare tokenizing a possibly huge INSERT
        }
        SqlTokens tokens = SqlTokens.of(sql);
        if (!tokens.is(0, "CREATE")) {
            return Optional.empty();
        }
        int i = 1;
        if (tokens.is(i, "OR") && tokens.is(i + 1, "REPLACE")) {
            i += 2;
        }
        if (tokens.is(i, "DEFINER") && tokens.is(i + 1, "=")) {
            i += 3; // DEFINER = user
            if (tokens.is(i, "@") || tokens.is(i, "(")) {
                i += 2; // user@host or CURRENT_USER()
            }
        }
        if (tokens.is(i, "AGGREGATE")) {
            i++;
        }
        String kind = tokens.at(i).toUpperCase(Locale.ROOT);
        if (!ROUTINE_KINDS.contains(kind) || !hasBeginKeyword(tokens, i)) {
            return Optional.empty();
        }
        int last = tokens.size() - 1;
        boolean endsWithEnd = tokens.is(last, "END") || tokens.is(last - 1, "END"); // END, or END and a label
        return endsWithEnd ? Optional.empty() : Optional.of(kind);
    }

    private static boolean hasBeginKeyword(SqlTokens tokens, int from) {
        for (int i = tokens.indexOf("BEGIN", from); i >= 0; i = tokens.indexOf("BEGIN", i + 1)) {
            if (!tokens.is(i - 1, ".")) { // NEW.begin is a column, not a block
                return true;
            }
        }
        return false;
    }
}
