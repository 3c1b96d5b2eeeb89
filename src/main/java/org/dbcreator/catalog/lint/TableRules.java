package org.dbcreator.catalog.lint;

import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Manifest;

/**
 * The rules for statements that create, drop, rename or empty whole tables, and for
 * CREATE INDEX and DROP INDEX. A table the same script created is its own to drop or empty.
 */
final class TableRules {

    private final LintStatement st;
    private final Manifest manifest;
    private final SchemaModel model;
    private final List<Finding> out;

    TableRules(LintStatement st, Manifest manifest, SchemaModel model, List<Finding> out) {
        this.st = st;
        this.manifest = manifest;
        this.model = model;
        this.out = out;
    }

    void check() {
        int kind = st.objectKind();
        String object = kind < 0 ? "" : st.upper(kind);
        switch (st.upper(0)) {
            case "CREATE" -> {
                if (object.equals("TABLE")) {
                    new CreateTable(st, model, out).apply(kind);
                } else if (object.equals("INDEX")) {
                    createIndex(kind);
                }
            }
            case "DROP" -> {
                if (object.equals("TABLE")) {
                    dropTables(kind);
                } else if (object.equals("INDEX")) {
                    dropIndex(kind);
                }
            }
            case "RENAME" -> renameTables(kind);
            case "TRUNCATE" -> truncate();
            case "DELETE" -> delete();
            default -> { }
        }
    }

    private void dropTables(int kind) {
        if (st.is(1, "TEMPORARY")) {
            return; // a session's own table
        }
        for (int[] part : st.split(st.skipIfExists(kind + 1), st.size())) {
            TableName table = st.table(part[0]);
            if (!model.isNewTable(table)) {
                out.add(st.finding(Rule.DROP_TABLE, part[0], "drops table " + table
                        + ", which nodes of older releases still use"));
            }
            model.dropTable(table);
        }
    }

    /** RENAME TABLE a TO b [, c TO d]: each pair is a table older nodes can no longer find. */
    private void renameTables(int kind) {
        if (kind != 1) {
            return; // RENAME USER and the like
        }
        for (int[] part : st.split(st.skipIfExists(kind + 1), st.size())) {
            int to = part[0];
            while (to < part[1] && !st.is(to, "TO")) {
                to++;
            }
            TableName from = st.table(part[0]);
            TableName target = st.table(to + 1);
            if (!model.isNewTable(from)) {
                out.add(st.finding(Rule.RENAME_TABLE, part[0], "renames table " + from + " to " + target
                        + ", which nodes of older releases still use by its old name"));
            }
            model.renameTable(from, target);
        }
    }

    private void truncate() {
        int name = st.is(1, "TABLE") ? 2 : 1;
        TableName table = st.table(name);
        if (!model.isNewTable(table)) {
            out.add(st.finding(Rule.TRUNCATE_TABLE, 0, "empties table " + table
                    + ", which nodes of older releases still use"));
        }
    }

    /** A single-table DELETE without WHERE; a multi-table one is bounded by its joins. */
    private void delete() {
        int from = st.find("FROM", 1);
        if (from < 0 || st.find("WHERE", from) >= 0 || st.find("USING", from) >= 0 || st.find("JOIN", from) >= 0
                || st.at(st.nameEnd(from + 1)).equals(",") || !isSingleTableDelete(from)) {
            return;
        }
        TableName table = st.table(from + 1);
        if (!model.isNewTable(table)) {
            out.add(st.finding(Rule.DELETE_WITHOUT_WHERE, 0, "deletes every row of " + table
                    + ", which nodes of older releases still use"));
        }
    }

    /** DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM t: nothing but modifiers before FROM. */
    private boolean isSingleTableDelete(int from) {
        for (int i = 1; i < from; i++) {
            if (!st.isAny(i, "LOW_PRIORITY", "QUICK", "IGNORE")) {
                return false;
            }
        }
        return true;
    }

    private void createIndex(int kind) {
        int on = st.find("ON", kind);
        if (on < 0) {
            return;
        }
        TableName table = st.table(on + 1);
        int open = st.nameEnd(on + 1);
        while (open < st.size() && !st.at(open).equals("(")) {
            open++;
        }
        int close = st.closing(open);
        OnlineDdl.check(st, manifest, model, table, "builds an index on", st.option("ALGORITHM", close),
                st.option("LOCK", close)).ifPresent(out::add);
        if (st.is(kind - 1, "UNIQUE")) {
            List<String> columns = KeyDefinition.columns(st, open);
            if (!model.isNewTable(table) && !NewUniqueKey.isSafe(model, table, columns, List.of())) {
                out.add(st.finding(Rule.ADD_UNIQUE_KEY, 0, "adds a unique key on " + table + " (" + String.join(", ", columns) + ")"
                        + ": older nodes may still write duplicates, which it refuses"));
            }
            model.addUniqueKey(table, st.at(st.skipIfExists(kind + 1)), columns);
        }
    }

    private void dropIndex(int kind) {
        int name = st.skipIfExists(kind + 1);
        int on = st.find("ON", name);
        if (on < 0) {
            return;
        }
        TableName table = st.table(on + 1);
        Optional<String> algorithm = st.option("ALGORITHM", on);
        OnlineDdl.check(st, manifest, model, table, "drops an index of", algorithm, st.option("LOCK", on))
                .ifPresent(out::add);
        model.dropIndex(table, st.at(name));
        if (!model.isNewTable(table)) {
            out.add(st.finding(Rule.DROP_INDEX, 0, "drops index " + st.at(name) + " of " + table
                    + ", which queries of older releases may rely on"));
        }
    }
}
