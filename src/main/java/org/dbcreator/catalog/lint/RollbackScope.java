package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;

/**
 * What an expand script created or changed, and the rollback statements that reach beyond it
 * ({@link Rule#ROLLBACK_OUTSIDE_EXPAND}). A rollback runs while older nodes work: it may undo the
 * expand, and nothing else, for whatever else it drops or changes the older nodes still use.
 * Pure text analysis, like the rest of the lint.
 */
final class RollbackScope {

    private static final Set<String> NAMED_OBJECTS = Set.of("VIEW", "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT");
    private static final Set<String> KEY_WORDS = Set.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL", "PRIMARY",
            "CONSTRAINT", "FOREIGN", "CHECK");

    /** Keys such as {@code table:host_capacity}, {@code column:host.uuid}, {@code index:host.ix_host_uuid}. */
    private final Set<String> touched = new HashSet<>();

    private RollbackScope() {}

    static RollbackScope of(Script expand) {
        RollbackScope scope = new RollbackScope();
        for (SqlStatement statement : expand.statements()) {
            scope.learn(new LintStatement(expand, statement));
        }
        return scope;
    }

    /** A finding for each statement of {@code rollback} that touches what {@code expand} neither created nor changed. */
    List<Finding> check(Script rollback, String expandPath) {
        List<Finding> findings = new ArrayList<>();
        for (SqlStatement statement : rollback.statements()) {
            LintStatement st = new LintStatement(rollback, statement);
            for (String outside : outside(st)) {
                findings.add(st.finding(Rule.ROLLBACK_OUTSIDE_EXPAND, 0, "the rollback " + outside + ", which "
                        + expandPath + " neither created nor changed: nodes of the older releases still use it"));
            }
        }
        return findings;
    }

    private void learn(LintStatement st) {
        int kind = st.objectKind();
        if (st.is(0, "CREATE") && kind > 0) {
            String object = st.upper(kind);
            int name = st.skipIfExists(kind + 1);
            if (object.equals("TABLE")) {
                touched.add("table:" + key(st.name(name)));
            } else if (object.equals("INDEX")) {
                int on = st.find("ON", name + 1);
                if (on > 0) {
                    String table = key(st.name(on + 1));
                    touched.add("index:" + table + "." + key(st.at(name)));
                    touched.add("altered:" + table);
                }
            } else if (NAMED_OBJECTS.contains(object)) {
                touched.add(object.toLowerCase(Locale.ROOT) + ":" + key(st.name(name)));
            }
            return;
        }
        if (st.is(0, "ALTER") && kind > 0 && st.is(kind, "TABLE")) {
            int name = st.skipIfExists(kind + 1);
            String table = key(st.name(name));
            touched.add("altered:" + table);
            for (int[] clause : st.split(st.nameEnd(name), st.size())) {
                learnClause(st, table, clause[0]);
            }
            return;
        }
        dataTable(st).ifPresent(table -> touched.add("data:" + table));
    }

    private void learnClause(LintStatement st, String table, int i) {
        if (st.isAny(i, "ADD", "MODIFY", "CHANGE", "ALTER")) {
            boolean change = st.is(i, "CHANGE");
            int at = i + 1;
            if (st.is(i, "ADD") && st.isAny(at, KEY_WORDS.toArray(String[]::new))) {
                int n = at;
                while (st.isAny(n, "CONSTRAINT", "UNIQUE", "FULLTEXT", "SPATIAL", "PRIMARY", "FOREIGN", "INDEX", "KEY")
                        && !st.isQuotedName(n)) {
                    if (st.is(n, "CONSTRAINT") && !st.isAny(n + 1, "UNIQUE", "FOREIGN", "PRIMARY", "CHECK")) {
                        touched.add("index:" + table + "." + key(st.at(n + 1)));
                        n += 2;
                        continue;
                    }
                    n++;
                }
                n = st.skipIfExists(n);
                if (!st.at(n).equals("(")) {
                    touched.add("index:" + table + "." + key(st.at(n)));
                }
                return;
            }
            if (st.is(at, "COLUMN")) {
                at++;
            }
            at = st.skipIfExists(at);
            touched.add("column:" + table + "." + key(st.at(at)));
            if (change) {
                touched.add("column:" + table + "." + key(st.at(at + 1)));
            }
        }
    }

    /** What the statement reaches beyond the expand, in words; empty when it stays within it. */
    private List<String> outside(LintStatement st) {
        List<String> out = new ArrayList<>();
        int kind = st.objectKind();
        if (st.isAny(0, "DROP", "CREATE") && kind > 0) {
            String verb = st.is(0, "DROP") ? "drops" : "creates";
            String object = st.upper(kind);
            int name = st.skipIfExists(kind + 1);
            if (object.equals("TABLE") && st.is(0, "DROP")) {
                for (int[] part : st.split(name, st.size())) {
                    String table = key(st.name(part[0]));
                    if (!touched.contains("table:" + table)) {
                        out.add("drops table " + table);
                    }
                }
            } else if (object.equals("INDEX")) {
                int on = st.find("ON", name + 1);
                String table = on > 0 ? key(st.name(on + 1)) : "?";
                if (!touched.contains("index:" + table + "." + key(st.at(name))) && !touched.contains("table:" + table)) {
                    out.add(verb + " index " + key(st.at(name)) + " of " + table);
                }
            } else if (object.equals("TABLE")) {
                String table = key(st.name(name));
                if (!touched.contains("table:" + table)) {
                    out.add("creates table " + table);
                }
            } else if (NAMED_OBJECTS.contains(object)) {
                String key = object.toLowerCase(Locale.ROOT) + ":" + key(st.name(name));
                if (!touched.contains(key)) {
                    out.add(verb + " " + object.toLowerCase(Locale.ROOT) + " " + key(st.name(name)));
                }
            }
            return out;
        }
        if (st.is(0, "ALTER") && kind > 0 && st.is(kind, "TABLE")) {
            int name = st.skipIfExists(kind + 1);
            String table = key(st.name(name));
            if (touched.contains("table:" + table)) {
                return out;
            }
            for (int[] clause : st.split(st.nameEnd(name), st.size())) {
                clauseOutside(st, table, clause[0]).ifPresent(out::add);
            }
            return out;
        }
        if (st.isAny(0, "RENAME", "TRUNCATE")) {
            out.add(st.upper(0).toLowerCase(Locale.ROOT) + "s " + (st.is(1, "TABLE") ? key(st.name(2)) : key(st.name(1))));
            return out;
        }
        dataTable(st).filter(table -> !touchesTable(table)).ifPresent(table -> out.add("writes rows of table " + table));
        return out;
    }

    private java.util.Optional<String> clauseOutside(LintStatement st, String table, int i) {
        if (st.isAny(i, "ALGORITHM", "LOCK", "FORCE")) {
            return java.util.Optional.empty();
        }
        if (st.is(i, "DROP")) {
            int at = i + 1;
            if (st.isAny(at, "INDEX", "KEY", "FOREIGN", "CONSTRAINT", "CHECK", "PRIMARY")) {
                if (st.is(at, "FOREIGN") || st.is(at, "PRIMARY")) {
                    at++;
                }
                at = st.skipIfExists(at + 1);
                String index = key(st.at(at));
                return touched.contains("index:" + table + "." + index) ? java.util.Optional.empty()
                        : java.util.Optional.of("drops index or constraint " + index + " of " + table);
            }
            if (st.is(at, "COLUMN")) {
                at++;
            }
            at = st.skipIfExists(at);
            String column = key(st.at(at));
            return touched.contains("column:" + table + "." + column) ? java.util.Optional.empty()
                    : java.util.Optional.of("drops column " + table + "." + column);
        }
        if (st.isAny(i, "MODIFY", "CHANGE", "ALTER")) {
            int at = st.is(i + 1, "COLUMN") ? i + 2 : i + 1;
            String column = key(st.at(at));
            return touched.contains("column:" + table + "." + column) ? java.util.Optional.empty()
                    : java.util.Optional.of("changes column " + table + "." + column);
        }
        return touched.contains("altered:" + table) ? java.util.Optional.empty()
                : java.util.Optional.of("alters table " + table);
    }

    /** Rows of a table may be written back where the expand created it, wrote to it or added or changed a column. */
    private boolean touchesTable(String table) {
        return touched.stream().anyMatch(k -> k.equals("table:" + table) || k.equals("data:" + table)
                || k.startsWith("column:" + table + "."));
    }

    /** The table an INSERT, REPLACE, UPDATE or DELETE writes (its first), if the statement is one. */
    private static java.util.Optional<String> dataTable(LintStatement st) {
        int i;
        if (st.isAny(0, "INSERT", "REPLACE")) {
            i = 1;
            while (st.isAny(i, "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE")) {
                i++;
            }
            i = st.is(i, "INTO") ? i + 1 : i;
        } else if (st.is(0, "UPDATE")) {
            i = 1;
            while (st.isAny(i, "LOW_PRIORITY", "IGNORE")) {
                i++;
            }
        } else if (st.is(0, "DELETE")) {
            i = st.find("FROM", 1) + 1;
            if (i <= 0) {
                return java.util.Optional.empty();
            }
        } else {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(key(st.name(i)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
