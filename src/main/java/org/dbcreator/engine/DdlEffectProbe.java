package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.dbcreator.catalog.SqlTokens;

/**
 * Judges from information_schema whether an interrupted schema statement took effect. Each DDL
 * statement is atomic on the supported servers, so one visible effect of it is proof of all
 * (a statement on several tables is judged on all of them: the servers drop and rename table by
 * table). Names may be qualified with the target database; a name of any other database, or a
 * form the probe does not know, is {@link DdlEffect#UNKNOWN}: it never guesses.
 */
final class DdlEffectProbe {

    private static final Set<String> ROUTINES = Set.of("PROCEDURE", "FUNCTION");
    private static final Set<String> ADD_INDEX = Set.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL");

    /** Answers whether an information_schema query ({sql, parameters...}) finds a row. */
    private interface Presence {
        boolean of(String[] query) throws SQLException;
    }

    private final Presence presence;
    private final String schema;

    DdlEffectProbe(Connection connection, String schema) {
        this((query) -> present(connection, query), schema);
    }

    private DdlEffectProbe(Presence presence, String schema) {
        this.presence = presence;
        this.schema = schema;
    }

    /**
     * True when the probe could judge this statement after an interruption, whatever the server
     * then holds: the form alone decides, so it is told without a server.
     */
    static boolean canJudge(String sql, String schema) {
        return canJudge(SqlTokens.of(sql), schema);
    }

    static boolean canJudge(SqlTokens t, String schema) {
        try {
            return new DdlEffectProbe(query -> false, schema).judge(t) != DdlEffect.UNKNOWN;
        } catch (SQLException e) {
            throw new IllegalStateException("the dry probe asks no server", e);
        }
    }

    DdlEffect judge(String sql) throws SQLException {
        return judge(SqlTokens.of(sql));
    }

    DdlEffect judge(SqlTokens t) throws SQLException {
        if (isRerunSafe(t)) {
            return DdlEffect.RERUN_SAFE;
        }
        try {
            return switch (t.verb()) {
                case "CREATE" -> judgeCreate(t);
                case "DROP" -> judgeDrop(t);
                case "ALTER" -> t.is(1, "TABLE") ? judgeAlterTable(t) : DdlEffect.UNKNOWN;
                case "RENAME" -> t.is(1, "TABLE") ? judgeRename(t) : DdlEffect.UNKNOWN;
                default -> DdlEffect.UNKNOWN;
            };
        } catch (ForeignName e) {
            return DdlEffect.UNKNOWN;
        }
    }

    /** A name as written, {@code t} or {@code db.t}; {@code next} is the index of the token after it. */
    private record Name(String name, int next) {}

    /** Thrown when a statement names an object of another database: its effect is not the probe's to judge. */
    private static final class ForeignName extends RuntimeException {
        ForeignName() {
            super(null, null, false, false);
        }
    }

    private Name nameAt(SqlTokens t, int i) {
        if (t.at(i + 1).equals(".") && !t.at(i + 2).isEmpty()) {
            if (!t.at(i).equals(schema)) {
                throw new ForeignName();
            }
            return new Name(t.at(i + 2), i + 3);
        }
        return new Name(t.at(i), i + 1);
    }

    /** RENAME TABLE a TO b [, c TO d]: applied when every target is there and no source is left. */
    private DdlEffect judgeRename(SqlTokens t) throws SQLException {
        int i = 2;
        boolean allApplied = true;
        boolean noneApplied = true;
        while (true) {
            Name from = nameAt(t, i);
            if (!t.is(from.next(), "TO")) {
                return DdlEffect.UNKNOWN;
            }
            Name to = nameAt(t, from.next() + 1);
            boolean applied = present(table(to.name())) && !present(table(from.name()));
            allApplied &= applied;
            noneApplied &= !applied;
            if (!t.at(to.next()).equals(",")) {
                return to.next() < t.size() ? DdlEffect.UNKNOWN : allApplied ? DdlEffect.APPLIED
                        : noneApplied ? DdlEffect.NOT_APPLIED : DdlEffect.UNKNOWN;
            }
            i = to.next() + 1;
        }
    }

    private static boolean isRerunSafe(SqlTokens t) {
        boolean orReplace = t.is(0, "CREATE") && t.is(1, "OR") && t.is(2, "REPLACE");
        int ifAt = t.indexOf("IF", 1);
        boolean guarded = ifAt > 0 && ifAt <= 6 && (t.is(ifAt + 1, "EXISTS") || t.is(ifAt + 2, "EXISTS"))
                && (t.is(0, "CREATE") || t.is(0, "DROP"));
        return orReplace || guarded;
    }

    private DdlEffect judgeCreate(SqlTokens t) throws SQLException {
        int i = skipCreateModifiers(t, 1);
        String what = t.at(i).toUpperCase();
        if (what.equals("UNIQUE") || what.equals("FULLTEXT") || what.equals("SPATIAL")) {
            what = t.at(++i).toUpperCase();
        }
        Name created = nameAt(t, i + 1);
        String name = created.name();
        if (what.equals("TABLE")) {
            return judgeCreateTable(t, created);
        }
        if (what.equals("VIEW")) {
            return effect(present(view(name)));
        }
        if (ROUTINES.contains(what)) {
            return effect(present(routine(name, what)));
        }
        if (what.equals("TRIGGER")) {
            return effect(present(trigger(name)));
        }
        if (what.equals("EVENT")) {
            return effect(present(event(name)));
        }
        if (what.equals("INDEX") && t.is(created.next(), "ON")) {
            return effect(present(index(nameAt(t, created.next() + 1).name(), name)));
        }
        return DdlEffect.UNKNOWN;
    }

    private static final Set<String> NOT_COLUMNS = Set.of("PRIMARY", "KEY", "INDEX", "UNIQUE", "FULLTEXT", "SPATIAL",
            "CONSTRAINT", "FOREIGN", "CHECK", "PERIOD");

    /**
     * A table of that name proves the statement only if it has every column the statement defines:
     * a table that was there before (a script bug) lacks them, and then the statement did nothing.
     */
    private DdlEffect judgeCreateTable(SqlTokens t, Name created) throws SQLException {
        if (!present(table(created.name()))) {
            return DdlEffect.NOT_APPLIED;
        }
        int depth = 0;
        boolean elementStart = t.at(created.next()).equals("(");
        for (int i = created.next() + 1; elementStart && i < t.size(); i++) {
            String token = t.at(i);
            if (depth == 0 && (i == created.next() + 1 || t.at(i - 1).equals(","))
                    && (t.isQuotedName(i) || !NOT_COLUMNS.contains(token.toUpperCase()))
                    && !present(column(created.name(), token))) {
                return DdlEffect.NOT_APPLIED;
            }
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                if (depth-- == 0) {
                    break;
                }
            }
        }
        return DdlEffect.APPLIED;
    }

    /** Skips DEFINER = x, ALGORITHM = x, SQL SECURITY x between CREATE and the object kind. */
    private static int skipCreateModifiers(SqlTokens t, int i) {
        while (true) {
            if (t.is(i, "DEFINER")) {
                i += 3; // DEFINER = user
                while (t.at(i).equals("@") || t.at(i - 1).equals("@")) {
                    i++; // DEFINER = `u`@`h`: the host part is one more token
                }
                if (t.at(i).equals("(") && t.at(i + 1).equals(")")) {
                    i += 2; // DEFINER = CURRENT_USER()
                }
            } else if (t.is(i, "ALGORITHM")) {
                i += 3;
            } else if (t.is(i, "SQL") && t.is(i + 1, "SECURITY")) {
                i += 3;
            } else {
                return i;
            }
        }
    }

    /** DROP kind a [, b]: applied when none is left, not applied when all are there. */
    private DdlEffect judgeDrop(SqlTokens t) throws SQLException {
        String what = t.at(1).toUpperCase();
        if (what.equals("INDEX")) {
            Name index = nameAt(t, 2);
            return t.is(index.next(), "ON")
                    ? effect(!present(index(nameAt(t, index.next() + 1).name(), index.name()))) : DdlEffect.UNKNOWN;
        }
        if (!Set.of("TABLE", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT").contains(what)) {
            return DdlEffect.UNKNOWN;
        }
        int left = 0;
        int named = 0;
        for (int i = 2; ; ) {
            Name dropped = nameAt(t, i);
            named++;
            if (isPresent(what, dropped.name())) {
                left++;
            }
            if (!t.at(dropped.next()).equals(",")) {
                boolean tail = dropped.next() >= t.size() || t.is(dropped.next(), "RESTRICT") || t.is(dropped.next(), "CASCADE");
                return !tail ? DdlEffect.UNKNOWN : left == 0 ? DdlEffect.APPLIED
                        : left == named ? DdlEffect.NOT_APPLIED : DdlEffect.UNKNOWN;
            }
            i = dropped.next() + 1;
        }
    }

    private boolean isPresent(String what, String name) throws SQLException {
        return switch (what) {
            case "TABLE" -> present(table(name));
            case "VIEW" -> present(view(name));
            case "TRIGGER" -> present(trigger(name));
            case "EVENT" -> present(event(name));
            default -> present(routine(name, what));
        };
    }

    /** Judges the first clause whose effect is visible; the statement is atomic. */
    private DdlEffect judgeAlterTable(SqlTokens t) throws SQLException {
        Name altered = nameAt(t, 2);
        String table = altered.name();
        int first = altered.next();
        for (int i = first; i < t.size(); i++) {
            if (i != first && !t.at(i - 1).equals(",")) {
                continue; // clauses start after the table name or a comma
            }
            DdlEffect clause = judgeAlterClause(t, i, table);
            if (clause != DdlEffect.UNKNOWN) {
                return clause;
            }
        }
        return DdlEffect.UNKNOWN;
    }

    private DdlEffect judgeAlterClause(SqlTokens t, int i, String table) throws SQLException {
        if (t.is(i, "ADD")) {
            int j = t.is(i + 1, "COLUMN") ? i + 2 : i + 1;
            if (t.is(j, "CONSTRAINT")) {
                return t.is(j + 2, "FOREIGN") || t.is(j + 2, "CHECK") || t.is(j + 2, "UNIQUE")
                        ? effect(present(constraint(table, t.at(j + 1)))) : DdlEffect.UNKNOWN;
            }
            if (ADD_INDEX.contains(t.at(j).toUpperCase())) {
                int nameAt = t.is(j + 1, "INDEX") || t.is(j + 1, "KEY") ? j + 2 : j + 1;
                return t.at(nameAt).equals("(") ? DdlEffect.UNKNOWN : effect(present(index(table, t.at(nameAt))));
            }
            if (t.is(j, "PRIMARY") || t.is(j, "FOREIGN") || t.at(j).equals("(")) {
                return DdlEffect.UNKNOWN;
            }
            return effect(present(column(table, t.at(j))));
        }
        if (t.is(i, "DROP")) {
            if (t.is(i + 1, "INDEX") || t.is(i + 1, "KEY")) {
                return effect(!present(index(table, t.at(i + 2))));
            }
            if (t.is(i + 1, "FOREIGN") && t.is(i + 2, "KEY")) {
                return effect(!present(constraint(table, t.at(i + 3))));
            }
            if (t.is(i + 1, "PRIMARY") || t.is(i + 1, "CONSTRAINT") || t.is(i + 1, "CHECK")) {
                return DdlEffect.UNKNOWN;
            }
            return effect(!present(column(table, t.at(t.is(i + 1, "COLUMN") ? i + 2 : i + 1))));
        }
        if (t.is(i, "RENAME") && t.is(i + 1, "COLUMN") && t.is(i + 3, "TO")) {
            return effect(present(column(table, t.at(i + 4))));
        }
        if (t.is(i, "CHANGE")) {
            int j = t.is(i + 1, "COLUMN") ? i + 2 : i + 1;
            return t.at(j).equalsIgnoreCase(t.at(j + 1)) ? DdlEffect.UNKNOWN : effect(present(column(table, t.at(j + 1))));
        }
        return DdlEffect.UNKNOWN;
    }

    private static DdlEffect effect(boolean visible) {
        return visible ? DdlEffect.APPLIED : DdlEffect.NOT_APPLIED;
    }

    private String[] table(String name) {
        return new String[] {"SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema, name};
    }

    private String[] view(String name) {
        return new String[] {"SELECT 1 FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema, name};
    }

    private String[] routine(String name, String type) {
        return new String[] {"SELECT 1 FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME = ?"
                + " AND ROUTINE_TYPE = ?", schema, name, type};
    }

    private String[] trigger(String name) {
        return new String[] {"SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?",
                schema, name};
    }

    private String[] event(String name) {
        return new String[] {"SELECT 1 FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND EVENT_NAME = ?", schema, name};
    }

    private String[] index(String table, String name) {
        return new String[] {"SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND INDEX_NAME = ?", schema, table, name};
    }

    private String[] column(String table, String name) {
        return new String[] {"SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND COLUMN_NAME = ?", schema, table, name};
    }

    private String[] constraint(String table, String name) {
        return new String[] {"SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?", schema, table, name};
    }

    private boolean present(String[] query) throws SQLException {
        return presence.of(query);
    }

    /** Runs a query built above ({sql, parameters...}) and tells whether it found a row. */
    private static boolean present(Connection connection, String[] query) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query[0])) {
            for (int i = 1; i < query.length; i++) {
                ps.setString(i, query[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
