package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A column definition as written in CREATE TABLE, ADD, MODIFY or CHANGE: name, type and the
 * attributes the rules care about.
 *
 * @param at the token where the definition starts, for findings
 * @param mariaDbOnly what in it MySQL 8.0 refuses, if anything (an INET6 type, {@code DEFAULT UUID()})
 * @param nullDefault the DEFAULT written is NULL
 */
record ColumnDefinition(String name, ColumnType type, boolean notNull, boolean hasDefault, boolean generated,
        boolean autoIncrement, boolean unique, int at, Optional<String> mariaDbOnly, boolean nullDefault) {

    private static final Set<String> MARIADB_TYPES = Set.of("INET4", "INET6", "UUID", "XMLTYPE");
    /** Functions MySQL accepts as a DEFAULT without parentheses; others need {@code DEFAULT (f())} there. */
    private static final Set<String> BARE_DEFAULTS = Set.of("CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP");

    /** A column that older nodes may leave out of their INSERTs without failing. */
    boolean acceptsInsertsWithoutIt() {
        return !notNull || hasDefault || generated || autoIncrement;
    }

    /** A column older nodes, which leave it out of their INSERTs, leave NULL: a foreign key never checks their rows. */
    boolean leftNullByOlderNodes() {
        return !notNull && !generated && (!hasDefault || nullDefault);
    }

    ColumnDefinition renamed(String newName) {
        return new ColumnDefinition(newName, type, notNull, hasDefault, generated, autoIncrement, unique, at, mariaDbOnly,
                nullDefault);
    }

    ColumnDefinition withDefault(boolean present) {
        return new ColumnDefinition(name, type, notNull, present, generated, autoIncrement, unique, at, mariaDbOnly,
                nullDefault && present);
    }

    /** Reads the definition in tokens [from, to) of {@code st}: {@code name type [attributes]}. */
    static ColumnDefinition parse(LintStatement st, int from, int to) {
        int i = from + 1;
        String typeName = st.upper(i++);
        if ((typeName.equals("CHARACTER") || typeName.equals("CHAR")) && st.is(i, "VARYING")) {
            typeName = "VARCHAR";
            i++;
        } else if (typeName.equals("NATIONAL")) {
            typeName = st.upper(i++);
        } else if (typeName.equals("DOUBLE") && st.is(i, "PRECISION")) {
            i++;
        } else if (typeName.equals("LONG")) {
            typeName = st.is(i, "VARBINARY") ? "MEDIUMBLOB" : "MEDIUMTEXT";
            i += st.isAny(i, "VARCHAR", "VARBINARY") ? 1 : 0;
        }
        List<String> args = new ArrayList<>();
        if (st.at(i).equals("(")) {
            int close = st.closing(i);
            for (int[] part : st.split(i + 1, close)) {
                StringBuilder arg = new StringBuilder();
                for (int k = part[0]; k < part[1]; k++) {
                    arg.append(st.raw(k));
                }
                args.add(arg.toString());
            }
            i = close + 1;
        }
        return attributes(st, from, i, to, typeName, args);
    }

    private static ColumnDefinition attributes(LintStatement st, int from, int i, int to, String typeName,
            List<String> args) {
        boolean unsigned = false, zerofill = false, binary = false, notNull = false, hasDefault = false;
        boolean generated = false, autoIncrement = false, unique = false, nullDefault = false;
        Optional<String> charset = Optional.empty(), collation = Optional.empty(), bareDefault = Optional.empty();
        int level = st.depth(from);
        for (int k = i; k < to; k++) {
            if (st.depth(k) != level) {
                continue; // inside a CHECK, a generated expression or a DEFAULT (expression)
            }
            if (st.is(k, "UNSIGNED")) {
                unsigned = true;
            } else if (st.is(k, "ZEROFILL")) {
                zerofill = true;
            } else if (st.is(k, "BINARY")) {
                binary = true;
            } else if (st.is(k, "CHARSET") || (st.is(k, "CHARACTER") && st.is(k + 1, "SET"))) {
                k += st.is(k, "CHARSET") ? 1 : 2;
                charset = Optional.of(st.at(k));
            } else if (st.is(k, "COLLATE")) {
                collation = Optional.of(st.at(++k));
            } else if (st.is(k, "NOT") && st.is(k + 1, "NULL")) {
                notNull = true;
                k++;
            } else if (st.is(k, "DEFAULT")) {
                hasDefault = true;
                nullDefault = st.is(k + 1, "NULL");
                if (bareDefault.isEmpty()) {
                    bareDefault = bareDefaultFunction(st, k + 1);
                }
                k = skipValue(st, k + 1);
            } else if (st.isAny(k, "AS", "GENERATED")) {
                generated = true;
            } else if (st.is(k, "AUTO_INCREMENT")) {
                autoIncrement = true;
            } else if (st.is(k, "PRIMARY") || st.is(k, "UNIQUE")) {
                unique = true;
                notNull |= st.is(k, "PRIMARY");
            }
        }
        ColumnType type = ColumnType.of(typeName, args, unsigned, zerofill, binary, charset, collation);
        Optional<String> mariaDbOnly = MARIADB_TYPES.contains(type.name())
                ? Optional.of("the " + type.name() + " column type") : bareDefault;
        return new ColumnDefinition(st.at(from), type, notNull, hasDefault, generated, autoIncrement, unique, from,
                mariaDbOnly, nullDefault);
    }

    /** {@code DEFAULT uuid()}: MariaDB takes an expression bare, MySQL only in parentheses. */
    private static Optional<String> bareDefaultFunction(LintStatement st, int k) {
        boolean call = !st.isQuotedName(k) && !st.at(k).startsWith("'") && st.at(k + 1).equals("(")
                && !st.at(k).equals("(");
        return call && !BARE_DEFAULTS.contains(st.upper(k))
                ? Optional.of("DEFAULT " + st.upper(k) + "() without parentheses around the expression")
                : Optional.empty();
    }

    /** The index of the last token of the DEFAULT value that starts at {@code k}. */
    private static int skipValue(LintStatement st, int k) {
        if (st.at(k).equals("-") || st.at(k).equals("+")) {
            k++;
        }
        if (st.at(k).equals("(")) {
            return st.closing(k);
        }
        return st.at(k + 1).equals("(") ? st.closing(k + 1) : k;
    }
}
