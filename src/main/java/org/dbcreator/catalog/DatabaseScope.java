package org.dbcreator.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a statement stays in the product's database: it must not switch database ({@code USE}),
 * create, drop or alter one, or name another database's objects. Scripts written for
 * {@code mysql cloud < file} do all three, and under this tool they would hit another database.
 *
 * <p>{@code a.b} in an expression is usually table.column, so a two-part name counts as
 * database.object only where an object name stands: after FROM, JOIN, INTO, UPDATE, TABLE(S),
 * VIEW, REFERENCES, PROCEDURE, FUNCTION, TRIGGER, EVENT, CALL, the ON of CREATE INDEX/TRIGGER,
 * the TO of RENAME, the LIKE of CREATE TABLE, in the comma lists that follow FROM, TABLE(S), TO
 * and DELETE, and right before {@code (} (a function call). A three-part name always counts.
 * Reading {@code information_schema} is allowed: the server lets no one write there. Comments and
 * strings never count; executable comments ({@code /*!50001 ...}) do, as the server runs them.
 * Database names compare with case, as the server does on Linux.
 */
public final class DatabaseScope {

    static final String INFORMATION_SCHEMA = "information_schema";

    private static final Set<String> BEFORE_OBJECT = Set.of("FROM", "JOIN", "STRAIGHT_JOIN", "INTO", "UPDATE",
            "TABLE", "TABLES", "VIEW", "REFERENCES", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "CALL", "DELETE",
            "TRUNCATE");
    private static final Set<String> BEFORE_LIST = Set.of("FROM", "TABLE", "TABLES", "TO", "DELETE");
    private static final Set<String> MODIFIERS = Set.of("IF", "NOT", "EXISTS", "LOW_PRIORITY", "HIGH_PRIORITY",
            "DELAYED", "IGNORE", "QUICK");

    private final String ownDatabase;

    public DatabaseScope(String ownDatabase) {
        this.ownDatabase = ownDatabase;
    }

    /** What the statement does outside the product's database, or where it names it, in script lines. */
    public List<ScopeFinding> check(SqlStatement statement) {
        SqlTokens t = SqlTokens.of(statement.sql());
        List<ScopeFinding> found = new ArrayList<>();
        int offset = statement.line() - 1;
        use(t).ifPresent(what -> found.add(new ScopeFinding(ScopeFinding.Kind.USE_DATABASE, offset + t.line(0), what)));
        for (int i = 0; i < t.size(); i++) {
            if (isDatabaseDdl(t, i)) {
                String words = t.at(i).toUpperCase() + " " + t.at(next(t, i)).toUpperCase();
                found.add(new ScopeFinding(ScopeFinding.Kind.DATABASE_DDL, offset + t.line(i), words
                        + " acts on a whole database, not on the product's tables"));
            }
        }
        Set<Integer> objectNames = objectNamePositions(t);
        for (int i = 0; i < t.size(); i++) {
            if (startsDottedName(t, i)) {
                int parts = t.at(i + 3).equals(".") && isNamePart(t, i + 4) ? 3 : 2;
                boolean call = t.at(i + 2 * parts - 1).equals("(") && !t.isQuotedName(i + 2 * parts - 1);
                if (parts == 3 || call || objectNames.contains(i)) {
                    judge(t, i, parts, offset).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    /** True for {@code USE <own database>} alone: a no-op the engine does not send to the server. */
    public boolean isUseOfOwnDatabase(SqlStatement statement) {
        SqlTokens t = SqlTokens.of(statement.sql());
        return t.isKeyword(0, "USE") && t.size() == 2 && t.at(1).equals(ownDatabase);
    }

    private Optional<String> use(SqlTokens t) {
        if (!t.isKeyword(0, "USE")) {
            return Optional.empty();
        }
        if (t.size() != 2) {
            // the mysql client ends USE at the line's end; here the statement runs on to the next ';'
            return Optional.of("USE must be a statement of its own, ended by ';': here it runs on into \""
                    + String.join(" ", t.list().subList(0, Math.min(t.size(), 5))) + "...\"");
        }
        return t.at(1).equals(ownDatabase) ? Optional.empty()
                : Optional.of("USE " + t.at(1) + " switches the rest of the script (and the tool's journal)"
                        + " to database " + t.at(1));
    }

    private static boolean isDatabaseDdl(SqlTokens t, int i) {
        return (t.isKeyword(i, "CREATE") || t.isKeyword(i, "DROP") || t.isKeyword(i, "ALTER"))
                && (t.isKeyword(next(t, i), "DATABASE") || t.isKeyword(next(t, i), "SCHEMA"));
    }

    /** The word after {@code i}, past MariaDB's {@code OR REPLACE}. */
    private static int next(SqlTokens t, int i) {
        return t.isKeyword(i + 1, "OR") && t.isKeyword(i + 2, "REPLACE") ? i + 3 : i + 1;
    }

    private Optional<ScopeFinding> judge(SqlTokens t, int i, int parts, int offset) {
        String database = t.at(i);
        List<String> words = parts == 3 ? List.of(t.at(i), t.at(i + 2), t.at(i + 4)) : List.of(t.at(i), t.at(i + 2));
        String name = String.join(".", words);
        int line = offset + t.line(i);
        if (database.equals(ownDatabase)) {
            return Optional.of(new ScopeFinding(ScopeFinding.Kind.OWN_DATABASE_NAME, line, "qualifies " + name
                    + " with the product's database name " + ownDatabase + ", so it runs right only in a database of that name"));
        }
        if (database.equalsIgnoreCase(INFORMATION_SCHEMA)) {
            return Optional.empty(); // read only: the server refuses every write there
        }
        return Optional.of(new ScopeFinding(ScopeFinding.Kind.OTHER_DATABASE, line, "names " + name
                + " of database " + database + ", which is not the product's database " + ownDatabase));
    }

    /** The start of {@code a.b}: not the middle of {@code x.a.b}, not a user variable {@code @a.b}, not a number. */
    private static boolean startsDottedName(SqlTokens t, int i) {
        return isNamePart(t, i) && !isDigits(t, i) && isDot(t, i + 1) && (isNamePart(t, i + 2) || t.at(i + 2).equals("*"))
                && !isDot(t, i - 1) && !t.at(i - 1).equals("@");
    }

    private static boolean isDot(SqlTokens t, int i) {
        return t.at(i).equals(".") && !t.isQuotedName(i);
    }

    private static boolean isNamePart(SqlTokens t, int i) {
        String token = t.at(i);
        if (t.isQuotedName(i)) {
            return true;
        }
        return !token.isEmpty() && (Character.isLetterOrDigit(token.charAt(0)) || token.charAt(0) == '_'
                || token.charAt(0) == '$');
    }

    private static boolean isDigits(SqlTokens t, int i) {
        return !t.isQuotedName(i) && t.at(i).chars().allMatch(Character::isDigit);
    }

    /** The indexes at which an object's (possibly qualified) name stands. */
    private static Set<Integer> objectNamePositions(SqlTokens t) {
        Set<Integer> positions = new HashSet<>();
        boolean renames = false;
        boolean firstOn = true;
        for (int i = 0; i < t.size(); i++) {
            String word = t.isQuotedName(i) ? "" : t.at(i).toUpperCase();
            renames |= word.equals("RENAME");
            boolean before = BEFORE_OBJECT.contains(word) && !isReferentialAction(t, i) && !isFromOfFunction(t, i)
                    || (word.equals("TO") && renames)
                    || (word.equals("AS") && t.isKeyword(i - 1, "RENAME"))
                    || word.equals("RENAME")
                    || (word.equals("ON") && firstOn && isOnOfIndexTriggerOrGrant(t, i))
                    || (word.equals("LIKE") && isLikeOfCreateTable(t, i));
            firstOn &= !word.equals("ON");
            if (before) {
                int name = i + 1;
                while (MODIFIERS.contains(t.at(name).toUpperCase()) && !t.isQuotedName(name)) {
                    name++;
                }
                positions.add(name);
                if (BEFORE_LIST.contains(word)) {
                    list(t, name, positions);
                }
            }
        }
        return positions;
    }

    /** ON DELETE/UPDATE of a foreign key, ON DUPLICATE KEY UPDATE: a column list or an action follows. */
    private static boolean isReferentialAction(SqlTokens t, int i) {
        return (t.isKeyword(i, "UPDATE") || t.isKeyword(i, "DELETE")) && (t.isKeyword(i - 1, "ON") || t.isKeyword(i - 1, "KEY"));
    }

    /** The FROM of EXTRACT(YEAR FROM t.c) or TRIM(x FROM t.c) is followed by a column, not a table. */
    private static boolean isFromOfFunction(SqlTokens t, int from) {
        if (!t.isKeyword(from, "FROM")) {
            return false;
        }
        int depth = 0;
        for (int i = from - 1; i >= 0; i--) {
            if (!t.isQuotedName(i) && t.at(i).equals(")")) {
                depth++;
            } else if (!t.isQuotedName(i) && t.at(i).equals("(") && depth-- == 0) {
                return !t.isKeyword(i + 1, "SELECT") && !t.isKeyword(i + 1, "WITH");
            }
        }
        return false;
    }

    /** {@code a [AS] x, b y, (SELECT ...) z, c}: every item after the first is a name's position too. */
    private static void list(SqlTokens t, int first, Set<Integer> positions) {
        int i = first;
        while (i < t.size()) {
            i = t.at(i).equals("(") ? closing(t, i) + 1 : nameEnd(t, i);
            if (t.isKeyword(i, "AS")) {
                i += 2;
            } else if (isNamePart(t, i) && t.at(i + 1).equals(",")) {
                i++; // an alias, or LOCK TABLES' READ/WRITE
            }
            if (!t.at(i).equals(",") || t.isQuotedName(i)) {
                return;
            }
            positions.add(++i);
        }
    }

    private static int nameEnd(SqlTokens t, int i) {
        int end = i + 1;
        while (isDot(t, end) && (isNamePart(t, end + 1) || t.at(end + 1).equals("*"))) {
            end += 2;
        }
        return end;
    }

    private static int closing(SqlTokens t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (!t.isQuotedName(i) && t.at(i).equals("(")) {
                depth++;
            } else if (!t.isQuotedName(i) && t.at(i).equals(")") && --depth == 0) {
                return i;
            }
        }
        return t.size();
    }

    /** The first ON of CREATE/DROP INDEX, CREATE TRIGGER or GRANT/REVOKE names a table; a join's ON does not. */
    private static boolean isOnOfIndexTriggerOrGrant(SqlTokens t, int on) {
        if (t.isKeyword(0, "GRANT") || t.isKeyword(0, "REVOKE")) {
            return true;
        }
        if (!t.isKeyword(0, "CREATE") && !t.isKeyword(0, "DROP") && !t.isKeyword(0, "ALTER")) {
            return false;
        }
        for (int i = 1; i < on; i++) {
            if (t.isKeyword(i, "INDEX") || t.isKeyword(i, "KEY") || t.isKeyword(i, "TRIGGER")) {
                return true;
            }
        }
        return false;
    }

    /** CREATE TABLE [IF NOT EXISTS] x [(] LIKE y: the original's name follows. */
    private static boolean isLikeOfCreateTable(SqlTokens t, int like) {
        int table = t.indexOf("TABLE", 0);
        if (!t.isKeyword(0, "CREATE") || table < 0 || table > 3) {
            return false;
        }
        int name = table + 1;
        while (MODIFIERS.contains(t.at(name).toUpperCase()) && !t.isQuotedName(name)) {
            name++;
        }
        int end = nameEnd(t, name);
        return like == end || (like == end + 1 && t.at(end).equals("("));
    }
}
