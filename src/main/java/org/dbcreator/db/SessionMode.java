package org.dbcreator.db;

/**
 * The {@code sql_mode} every connection of the tool runs under, whatever the server's global one.
 *
 * <p>A global mode is the administrator's choice for the product's nodes, not a promise about
 * our SQL: under {@code ANSI_QUOTES} a double-quoted string becomes a name, under
 * {@code PIPES_AS_CONCAT} {@code ||} stops meaning OR, under {@code NO_BACKSLASH_ESCAPES} a
 * backslash stops escaping, and MariaDB's {@code ORACLE} mode parses routine bodies as PL/SQL.
 * Catalog scripts are written and tested against a server left at its defaults, and every
 * routine, trigger and view records the mode it was created under; so the engine runs them
 * under exactly the server's compiled-in default ({@link #MARIADB_DEFAULT}, {@link #MYSQL_DEFAULT}):
 * a script behaves as it did for its author, the objects it creates behave the same on every
 * server, and the tool's own SQL (history, journal, lock) never meets an unknown mode.
 *
 * <p>The one statement picks the flavour's default itself: it runs as each session opens, before
 * the tool has asked which server it talks to.
 */
public final class SessionMode {

    /** MariaDB's default since 10.2.4 (so on every supported release). */
    public static final String MARIADB_DEFAULT = "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
            + "NO_ENGINE_SUBSTITUTION";
    /** MySQL's default since 8.0. */
    public static final String MYSQL_DEFAULT = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    /**
     * The driver's {@code sessionVariables}, which it sends as one SET when a session opens: valid
     * under every mode (single-quoted literals, no concatenation, a function every server has).
     */
    static final String ENGINE_SESSION_VARIABLES = "sql_mode = IF(VERSION() LIKE '%MariaDB%', '" + MARIADB_DEFAULT
            + "', '" + MYSQL_DEFAULT + "')";

    private SessionMode() {}
}
