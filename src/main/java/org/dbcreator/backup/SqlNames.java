package org.dbcreator.backup;

/**
 * Quoting for names the server itself reported (tables, columns, routines of the database being
 * dumped): they are not checked against the tool's safe pattern, since a product may use any name
 * the server allows, but a backtick inside one is doubled, so a name cannot end the quoting.
 */
final class SqlNames {

    private SqlNames() {}

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A string literal for SET statements, e.g. a sql_mode or collation read from the server. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
