package org.dbcreator.backup;

import java.util.List;

/**
 * A server-wide sql_mode that changes how SQL reads, with a function, a view and a trigger created
 * under it whose results depend on it: restored under any other mode they give other results or
 * do not parse. Each result is compared between the source and its restored copies.
 */
enum HostileMode {

    ANSI_QUOTES("ANSI_QUOTES",
            "CREATE FUNCTION mode_fn() RETURNS VARCHAR(64) READS SQL DATA RETURN (SELECT \"name\" FROM \"vm_instance\" LIMIT 1)",
            "CREATE VIEW mode_view AS SELECT \"name\" AS n FROM \"vm_instance\"",
            "SET NEW.\"v\" = CONCAT(NEW.\"v\", '\"')"),
    NO_BACKSLASH_ESCAPES("NO_BACKSLASH_ESCAPES",
            "CREATE FUNCTION mode_fn() RETURNS VARCHAR(64) DETERMINISTIC RETURN 'C:\\'",
            "CREATE VIEW mode_view AS SELECT 'C:\\' AS n, 'it''s' AS m",
            "SET NEW.v = CONCAT(NEW.v, '\\')"),
    PIPES_AS_CONCAT("PIPES_AS_CONCAT",
            "CREATE FUNCTION mode_fn() RETURNS VARCHAR(64) DETERMINISTIC RETURN 'a' || 'b'",
            "CREATE VIEW mode_view AS SELECT 'a' || 'b' AS n",
            "SET NEW.v = NEW.v || '|'"),
    ORACLE("ORACLE",
            "CREATE FUNCTION mode_fn RETURN VARCHAR2 AS BEGIN RETURN 'o' || 'k'; END",
            "CREATE VIEW mode_view AS SELECT 'o' || 'k' AS n FROM DUAL",
            "BEGIN :NEW.v := :NEW.v || '!'; END"),
    /** A value too long for its variable or column is an error, not a truncation. */
    STRICT("STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,ONLY_FULL_GROUP_BY",
            "CREATE FUNCTION mode_fn() RETURNS VARCHAR(64) DETERMINISTIC BEGIN DECLARE v VARCHAR(2); SET v = 'abc'; RETURN v; END",
            "CREATE VIEW mode_view AS SELECT COUNT(*) AS n FROM vm_instance",
            "SET NEW.v = CONCAT(NEW.v, REPEAT('x', 40))"),
    /** The same objects truncate instead. */
    PERMISSIVE("",
            "CREATE FUNCTION mode_fn() RETURNS VARCHAR(64) DETERMINISTIC BEGIN DECLARE v VARCHAR(2); SET v = 'abc'; RETURN v; END",
            "CREATE VIEW mode_view AS SELECT COUNT(*) AS n FROM vm_instance",
            "SET NEW.v = CONCAT(NEW.v, REPEAT('x', 40))");

    final String sqlMode;
    private final String function;
    private final String view;
    private final String triggerBody;

    HostileMode(String sqlMode, String function, String view, String triggerBody) {
        this.sqlMode = sqlMode;
        this.function = function;
        this.view = view;
        this.triggerBody = triggerBody;
    }

    /** The statements that create this mode's objects, under this mode, in one session. */
    List<String> createObjects() {
        return List.of("CREATE TABLE mode_log (id INT PRIMARY KEY, v VARCHAR(20))",
                "SET SESSION sql_mode = '" + sqlMode + "'",
                function,
                view,
                "CREATE TRIGGER mode_trg BEFORE INSERT ON mode_log FOR EACH ROW " + triggerBody,
                "SET SESSION sql_mode = DEFAULT");
    }

    /** What to run in the source and in each copy; the outcomes (rows or error code) must agree. */
    static List<String> probes() {
        return List.of("SELECT mode_fn()", "SELECT * FROM mode_view", "INSERT INTO mode_log VALUES (1, 'v')",
                "SELECT * FROM mode_log");
    }
}
