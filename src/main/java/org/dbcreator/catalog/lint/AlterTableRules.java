package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Manifest;

/**
 * The rules for each clause of an ALTER TABLE, judged against the schema the earlier scripts
 * built; the model is brought up to date clause by clause, as the server would.
 */
final class AlterTableRules {

    private final LintStatement st;
    private final SchemaModel model;
    private final AlterTable alter;
    private final TableName table;
    private final List<Finding> out;
    private final List<List<String>> uniqueKeysDroppedHere = new ArrayList<>();

    private AlterTableRules(LintStatement st, SchemaModel model, AlterTable alter, List<Finding> out) {
        this.st = st;
        this.model = model;
        this.alter = alter;
        this.table = alter.table();
        this.out = out;
    }

    static void check(LintStatement st, Manifest manifest, SchemaModel model, List<Finding> out) {
        AlterTable.parse(st).ifPresent(alter -> {
            OnlineDdl.check(st, manifest, model, alter.table(), "alters", alter.algorithm(), alter.lock())
                    .ifPresent(out::add);
            new AlterTableRules(st, model, alter, out).clauses();
        });
    }

    private void clauses() {
        Optional<TableName> renamedTo = Optional.empty();
        for (int[] clause : alter.clauses()) {
            int from = clause[0];
            int to = clause[1];
            int next = st.is(from + 1, "COLUMN") ? from + 2 : from + 1;
            if (st.is(from, "ADD")) {
                add(from + 1, to);
            } else if (st.is(from, "DROP")) {
                drop(from, to);
            } else if (st.is(from, "MODIFY")) {
                ColumnDefinition definition = ColumnDefinition.parse(st, st.skipIfExists(next), to);
                redefine(definition.name(), definition);
            } else if (st.is(from, "CHANGE")) {
                int old = st.skipIfExists(next);
                ColumnDefinition definition = ColumnDefinition.parse(st, old + 1, to);
                if (!st.at(old).equalsIgnoreCase(definition.name())) {
                    renameColumn(old, st.at(old), definition.name());
                }
                redefine(st.at(old), definition);
            } else if (st.is(from, "RENAME") && st.is(from + 1, "COLUMN")) {
                int old = st.skipIfExists(from + 2);
                renameColumn(old, st.at(old), st.at(old + 2));
                model.column(table, st.at(old)).ifPresent(c -> model.putColumn(table, Optional.of(st.at(old)),
                        c.renamed(st.at(old + 2)), false));
            } else if (st.is(from, "RENAME") && !st.isAny(from + 1, "INDEX", "KEY")) {
                int name = st.isAny(from + 1, "TO", "AS") ? from + 2 : from + 1;
                renamedTo = Optional.of(st.table(name));
                if (!model.isNewTable(table)) {
                    out.add(st.finding(Rule.RENAME_TABLE, from, "renames table " + table + " to " + st.table(name)
                            + ", which nodes of older releases still use by its old name"));
                }
            } else if (st.is(from, "ALTER")) {
                alterDefault(from, next);
            } else if (st.is(from, "CONVERT") && !model.isNewTable(table)) {
                out.add(st.finding(Rule.COLUMN_TYPE_CHANGE, from, "converts every text column of " + table
                        + " to another character set, which copies the table under the older nodes"));
            }
        }
        renamedTo.ifPresent(name -> model.renameTable(table, name));
    }

    private void add(int i, int to) {
        if (st.isAny(i, "INDEX", "KEY", "FULLTEXT", "SPATIAL", "PARTITION", "PERIOD", "SYSTEM")) {
            return;
        }
        if (st.isAny(i, "CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK")) {
            constraint(i, to);
            return;
        }
        int start = st.skipIfExists(st.is(i, "COLUMN") ? i + 1 : i);
        if (st.at(start).equals("(")) {
            st.split(start + 1, st.closing(start)).forEach(part -> addColumn(ColumnDefinition.parse(st, part[0], part[1])));
        } else {
            addColumn(ColumnDefinition.parse(st, start, to));
        }
    }

    private void addColumn(ColumnDefinition column) {
        MariaDbSyntax.column(st, column).ifPresent(out::add);
        if (!column.acceptsInsertsWithoutIt() && !model.isNewTable(table)) {
            out.add(st.finding(Rule.NOT_NULL_WITHOUT_DEFAULT, column.at(), "adds NOT NULL column " + table + "."
                    + column.name() + " without a DEFAULT: inserts of older nodes, which leave it out, fail"));
        }
        model.putColumn(table, Optional.empty(), column, true);
    }

    private void constraint(int i, int to) {
        KeyDefinition key = KeyDefinition.parse(st, i, to);
        boolean judged = !model.isNewTable(table); // older nodes write no rows into a table this script created
        if (key.kind().equals("FOREIGN")) {
            if (judged && !key.columns().stream().anyMatch(this::isNewAndLeftNull)) {
                out.add(st.finding(Rule.ADD_FOREIGN_KEY, i, "adds a foreign key to " + table
                        + ": it refuses rows that older nodes may still write, and adding it copies the table"));
            }
        } else if (key.kind().equals("CHECK")) {
            if (judged) {
                out.add(st.finding(Rule.ADD_CHECK_CONSTRAINT, i, "adds a check constraint to " + table
                        + ": it refuses rows that older nodes may still write, and adding it copies the table"));
            }
        } else {
            if (judged && !NewUniqueKey.isSafe(model, table, key.columns(), uniqueKeysDroppedHere)) {
                out.add(st.finding(Rule.ADD_UNIQUE_KEY, i, "adds a " + key.kind().toLowerCase()
                        + " key on " + table + " (" + String.join(", ", key.columns()) + "): older nodes may still write duplicates, which it refuses"));
            }
            model.addUniqueKey(table, key.name(), key.columns());
        }
    }

    /**
     * A column this script added that older nodes leave NULL: a foreign key on it never checks
     * their rows (a NULL in a foreign key's columns passes), and it has no values to check yet.
     */
    private boolean isNewAndLeftNull(String column) {
        return model.isNewColumn(table, column)
                && model.column(table, column).map(ColumnDefinition::leftNullByOlderNodes).orElse(false);
    }

    private void drop(int from, int to) {
        int i = from + 1;
        if (st.isAny(i, "INDEX", "KEY", "PRIMARY")) {
            String index = st.is(i, "PRIMARY") ? "primary" : st.at(st.skipIfExists(i + 1));
            model.dropIndex(table, index).ifPresent(uniqueKeysDroppedHere::add);
            if (!model.isNewTable(table)) {
                String what = st.is(i, "PRIMARY") ? "the primary key" : "index " + st.at(st.skipIfExists(i + 1));
                out.add(st.finding(Rule.DROP_INDEX, from, "drops " + what + " of " + table
                        + ", which queries of older releases may rely on"));
            }
            return;
        }
        if (st.isAny(i, "FOREIGN", "CONSTRAINT", "CHECK", "PARTITION", "SYSTEM", "PERIOD")) {
            return; // relaxing a constraint never hurts older nodes
        }
        String column = st.at(st.skipIfExists(st.is(i, "COLUMN") ? i + 1 : i));
        if (!model.isNewColumn(table, column)) {
            out.add(st.finding(Rule.DROP_COLUMN, from, "drops column " + table + "." + column
                    + ", which nodes of older releases still read and write"));
        }
        model.dropColumn(table, column);
    }

    private void renameColumn(int at, String from, String to) {
        if (!model.isNewColumn(table, from)) {
            out.add(st.finding(Rule.RENAME_COLUMN, at, "renames column " + table + "." + from + " to " + to
                    + ", which nodes of older releases still use by its old name"));
        }
    }

    /** MODIFY or CHANGE: compared with the definition the earlier scripts gave the column. */
    private void redefine(String name, ColumnDefinition definition) {
        MariaDbSyntax.column(st, definition).ifPresent(out::add);
        if (!model.isNewColumn(table, name)) {
            Optional<ColumnDefinition> before = model.column(table, name);
            if (before.isEmpty()) {
                out.add(st.finding(Rule.COLUMN_TYPE_CHANGE, definition.at(), "redefines " + table + "." + name
                        + ", whose definition the earlier scripts do not show: the lint cannot tell what changes"));
            } else {
                TypeChanges.judge(st, table, before.get(), definition, model).ifPresent(out::add);
            }
        }
        model.putColumn(table, Optional.of(name), definition, false);
    }

    /** ALTER [COLUMN] c SET DEFAULT x | DROP DEFAULT. */
    private void alterDefault(int from, int column) {
        String name = st.at(column);
        Optional<ColumnDefinition> before = model.column(table, name);
        boolean drops = st.is(column + 1, "DROP") && st.is(column + 2, "DEFAULT");
        if (drops && before.isPresent() && before.get().notNull() && !model.isNewColumn(table, name)
                && !before.get().generated() && !before.get().autoIncrement()) {
            out.add(st.finding(Rule.NOT_NULL_WITHOUT_DEFAULT, from, "drops the DEFAULT of NOT NULL column " + table
                    + "." + name + ": inserts of older nodes, which leave it out, fail"));
        }
        if (drops || (st.is(column + 1, "SET") && st.is(column + 2, "DEFAULT"))) {
            before.ifPresent(c -> model.putColumn(table, Optional.of(name), c.withDefault(!drops), false));
        }
    }
}
