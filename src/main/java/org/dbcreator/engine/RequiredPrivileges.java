package org.dbcreator.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.SqlTokens;

/**
 * The privileges a list of statements needs, read off their verbs, so that a run refuses to
 * start (and names what is missing) instead of failing halfway through.
 */
final class RequiredPrivileges {

    /** What the tool needs for its own tables, the operator lock's record (INSERT, UPDATE, DELETE) included. */
    static final Set<String> TOOL_TABLES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE");

    /** What a data migration or sample generator may do; its SQL is Java code, so this is an estimate. */
    static final Set<String> JAVA_STEP = Set.of("SELECT", "UPDATE", "INSERT");

    private RequiredPrivileges() {}

    /** What a whole plan needs, the tool's own tables included. */
    static Set<String> ofPlan(List<PlanItem> plan) {
        Set<String> needed = new TreeSet<>(TOOL_TABLES);
        for (PlanItem item : plan) {
            needed.addAll(item instanceof PlanItem.ScriptItem s ? of(s.script().statements()) : JAVA_STEP);
        }
        return needed;
    }

    static Set<String> of(List<SqlStatement> statements) {
        Set<String> needed = new TreeSet<>();
        for (SqlStatement statement : statements) {
            needed.addAll(of(SqlTokens.of(statement.sql())));
        }
        return needed;
    }

    static Set<String> of(SqlTokens t) {
        Set<String> needed = new TreeSet<>();
        String object = objectKind(t);
        switch (t.verb()) {
            case "CREATE" -> needed.add(switch (object) {
                case "VIEW" -> "CREATE VIEW";
                case "PROCEDURE", "FUNCTION" -> "CREATE ROUTINE";
                case "TRIGGER" -> "TRIGGER";
                case "EVENT" -> "EVENT";
                case "INDEX" -> "INDEX";
                default -> "CREATE";
            });
            case "ALTER" -> needed.addAll(object.equals("TABLE") ? List.of("ALTER", "CREATE", "INSERT") : List.of("ALTER ROUTINE"));
            case "DROP" -> needed.add(switch (object) {
                case "PROCEDURE", "FUNCTION" -> "ALTER ROUTINE";
                case "TRIGGER" -> "TRIGGER";
                case "EVENT" -> "EVENT";
                case "INDEX" -> "INDEX";
                default -> "DROP";
            });
            case "RENAME" -> needed.addAll(List.of("ALTER", "DROP", "CREATE", "INSERT"));
            case "INSERT" -> needed.add("INSERT");
            case "REPLACE" -> needed.addAll(List.of("INSERT", "DELETE"));
            case "UPDATE" -> needed.addAll(List.of("UPDATE", "SELECT"));
            case "DELETE" -> needed.addAll(List.of("DELETE", "SELECT"));
            case "CALL" -> needed.add("EXECUTE");
            default -> { }
        }
        if (t.indexOf("REFERENCES", 1) > 0 && (t.verb().equals("CREATE") || t.verb().equals("ALTER"))) {
            needed.add("REFERENCES");
        }
        return needed;
    }

    /** The kind of object after CREATE/ALTER/DROP, past OR REPLACE, DEFINER and the like. */
    private static String objectKind(SqlTokens t) {
        for (int i = 1; i < Math.min(t.size(), 16); i++) {
            String word = t.at(i).toUpperCase();
            if (Set.of("TABLE", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "INDEX", "DATABASE", "SCHEMA")
                    .contains(word)) {
                return word;
            }
        }
        return "";
    }
}
