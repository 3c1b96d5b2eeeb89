package org.dbcreator.catalog.lint;

import java.util.List;
import java.util.Locale;

/**
 * A PRIMARY KEY, UNIQUE or FOREIGN KEY clause of CREATE TABLE or ALTER TABLE ... ADD, read far
 * enough to name the key and its columns.
 *
 * @param kind PRIMARY, UNIQUE, FOREIGN or CHECK
 * @param name the index's name as the server would give it (the first column's for an unnamed
 *     unique key; "primary" for the primary key), lower case
 * @param columns lower-case column names, a prefix written {@code a(10)}, an expression as ""
 */
record KeyDefinition(String kind, String name, List<String> columns) {

    /** Reads the clause in tokens [from, to) that starts at CONSTRAINT, PRIMARY, UNIQUE, FOREIGN or CHECK. */
    static KeyDefinition parse(LintStatement st, int from, int to) {
        int i = from;
        String name = "";
        if (st.is(i, "CONSTRAINT")) {
            boolean named = !st.isAny(i + 1, "PRIMARY", "UNIQUE", "FOREIGN", "CHECK");
            name = named ? st.at(i + 1) : "";
            i += named ? 2 : 1;
        }
        String kind = st.upper(i);
        i++;
        if (st.isAny(i, "KEY", "INDEX")) {
            i++;
        }
        if (!st.at(i).equals("(") && !st.is(i, "USING") && i < to) {
            name = st.at(i); // the index's own name wins over the constraint's
        }
        while (i < to && !st.at(i).equals("(")) {
            i++;
        }
        List<String> columns = i < to ? columns(st, i) : List.of();
        if (kind.equals("PRIMARY")) {
            name = "primary";
        } else if (name.isEmpty() && !columns.isEmpty()) {
            name = columns.get(0).replaceFirst("\\(.*", "");
        }
        return new KeyDefinition(kind, name.toLowerCase(Locale.ROOT), columns);
    }

    /** The columns of the key list that opens at {@code open}. */
    static List<String> columns(LintStatement st, int open) {
        return st.split(open + 1, st.closing(open)).stream().map(part -> {
            if (st.at(part[0]).equals("(") && !st.isQuotedName(part[0])) {
                return ""; // a functional key part
            }
            String column = st.at(part[0]).toLowerCase(Locale.ROOT);
            return st.at(part[0] + 1).equals("(") ? column + "(" + st.at(part[0] + 2) + ")" : column;
        }).toList();
    }
}
