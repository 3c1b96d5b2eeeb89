package org.dbcreator.catalog.lint;

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
    private final String table;
    private final List<Finding> out;

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
        Optional<String> renamedTo = Optional.empty();
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
                renamedTo = Optional.of(st.name(name));
                if (!model.isNewTable(table)) {
                    out.add(st.finding(Rule.RENAME_TABLE, from, "renames table " + table + " to " + st.name(name)
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
        int kind = i;
        if (st.is(i, "CONSTRAINT")) {
            kind = st.isAny(i + 1, "PRIMARY", "UNIQUE", "FOREIGN", "CHECK") ? i + 1 : i + 2;
        }
        if (model.isNewTable(table)) {
            return; // older nodes write no rows into a table this script created
        }
        if (st.is(kind, "FOREIGN")) {
            out.add(st.finding(Rule.ADD_FOREIGN_KEY, i, "adds a foreign key to " + table
                    + ": it refuses rows that older nodes may still write, and adding it copies the table"));
        } else if (st.is(kind, "CHECK")) {
            out.add(st.finding(Rule.ADD_CHECK_CONSTRAINT, i, "adds a check constraint to " + table
                    + ": it refuses rows that older nodes may still write, and adding it copies the table"));
        } else {
            List<String> columns = keyColumns(kind, to);
            if (columns.isEmpty() || !columns.stream().allMatch(c -> model.isNewColumn(table, c))) {
                out.add(st.finding(Rule.ADD_UNIQUE_KEY, i, "adds a " + (st.is(kind, "PRIMARY") ? "primary" : "unique")
                        + " key on " + table + " (" + String.join(", ", columns) + "): older nodes may still write duplicates, which it refuses"));
            }
        }
    }

    /** The columns of the key whose column list follows {@code from}; empty when it is an expression. */
    private List<String> keyColumns(int from, int to) {
        int open = from;
        while (open < to && !st.at(open).equals("(")) {
            open++;
        }
        if (open >= to) {
            return List.of();
        }
        return st.split(open + 1, st.closing(open)).stream()
                .map(part -> st.at(part[0]).equals("(") ? "" : st.at(part[0]))
                .filter(name -> !name.isEmpty()).toList();
    }

    private void drop(int from, int to) {
        int i = from + 1;
        if (st.isAny(i, "INDEX", "KEY", "PRIMARY")) {
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
