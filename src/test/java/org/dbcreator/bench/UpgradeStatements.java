package org.dbcreator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Step;
import org.dbcreator.db.ConnectionSettings;

/**
 * "The same statements" for the contenders that cannot run Java: what the engine sends to the server
 * for oldest → latest (upgrade, then cleanup), captured once from a real engine run with the server's
 * general log, less the engine's own bookkeeping, written as one SQL file that both the stock
 * {@code mariadb} client and Flyway run.
 *
 * <p>The engine tags every script statement with a {@code /* dbcreator run=… script=… *}{@code /}
 * comment: those are kept (without the tag) in the order sent. The data migrations' statements are
 * untagged; they are the untagged statements of the connections that ran the scripts, less the
 * engine's own ones (journal, history, state, lock, session settings, commits), and belong to the
 * step whose expand they follow. A statement holding a {@code ;} (a trigger or procedure body) is
 * written between {@code DELIMITER $$} lines.
 */
final class UpgradeStatements {

    private static final Pattern TAG = Pattern.compile("^/\\* dbcreator run=\\S+ script=(\\S+) statement=\\d+ \\*/ ");

    /** What the engine sends only for itself, by purpose; the first match names the statement. */
    private static final Map<String, Pattern> TOOL = new LinkedHashMap<>();

    static {
        TOOL.put("tool tables", Pattern.compile("(?i)CREATE TABLE IF NOT EXISTS dbcreator_|dbcreator_audit"));
        TOOL.put("journal", Pattern.compile("dbcreator_journal"));
        TOOL.put("history", Pattern.compile("dbcreator_history"));
        TOOL.put("state", Pattern.compile("dbcreator_state"));
        TOOL.put("lock", Pattern.compile("(?i)dbcreator_lock|GET_LOCK|RELEASE_LOCK|IS_FREE_LOCK|IS_USED_LOCK|^DO 1$"));
        TOOL.put("checks and introspection", Pattern.compile("(?i)information_schema|SHOW GRANTS|CURRENT_USER|VERSION\\(\\)"));
        TOOL.put("transaction", Pattern.compile("(?i)^(commit|rollback)$|^SET autocommit"));
        TOOL.put("node gate", Pattern.compile("(?i)TIMESTAMPDIFF\\(MICROSECOND, `last_update`")); // the node registry
        TOOL.put("session and driver",
                Pattern.compile("(?i)^SET |^USE |^SELECT @@|^SHOW |^/\\* mysql-connector|CONNECTION_ID\\(\\)"));
    }

    /**
     * @param file the SQL file written
     * @param scriptStatements statements of the expand and cleanup scripts
     * @param migrationStatements statements the data migrations sent (batches and their lookups)
     * @param toolStatements the engine's own statements over all its connections, by purpose
     * @param connections connections the engine opened
     */
    record Captured(Path file, int scriptStatements, int migrationStatements, Map<String, Integer> toolStatements,
            int connections) {

        int toolTotal() {
            return toolStatements.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private UpgradeStatements() {}

    /** Turns the general log on (as a table), runs {@code engineRun}, turns it off and writes {@code file}. */
    static Captured capture(ConnectionSettings admin, Catalog catalog, Runnable engineRun, Path file)
            throws SQLException, IOException {
        List<LogLine> log;
        long self;
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + admin.host() + ":" + admin.port()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", admin.user(), admin.password().reveal());
                Statement s = c.createStatement()) {
            self = connectionId(s);
            s.execute("SET GLOBAL general_log = 0");
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("TRUNCATE TABLE mysql.general_log");
            s.execute("SET GLOBAL general_log = 1");
            try {
                engineRun.run();
            } finally {
                s.execute("SET GLOBAL general_log = 0");
            }
            log = read(s);
            s.execute("TRUNCATE TABLE mysql.general_log");
        }
        return write(log.stream().filter(line -> line.thread() != self).toList(), migrationsAfterExpand(catalog), file);
    }

    private static long connectionId(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record LogLine(long thread, String command, String sql) {}

    /** The CSV log table keeps rows in the order the server wrote them. */
    private static List<LogLine> read(Statement s) throws SQLException {
        List<LogLine> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT thread_id, command_type, CONVERT(argument USING utf8mb4)"
                + " FROM mysql.general_log")) {
            while (rs.next()) {
                lines.add(new LogLine(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return lines;
    }

    private static Captured write(List<LogLine> log, Map<String, String> migrationsAfter, Path file) throws IOException {
        Set<Long> planThreads = new HashSet<>();
        for (LogLine line : log) {
            if (TAG.matcher(line.sql()).find()) {
                planThreads.add(line.thread());
            }
        }
        Map<String, Integer> tool = new TreeMap<>();
        StringBuilder out = new StringBuilder(header());
        int scripts = 0;
        int migrations = 0;
        String section = "";
        String lastScript = "";
        Set<Long> threads = new HashSet<>();
        for (LogLine line : log) {
            threads.add(line.thread());
            if (!line.command().equals("Query")) {
                continue; // Connect, Init DB (setCatalog), Quit, Ping
            }
            Matcher tag = TAG.matcher(line.sql());
            String purpose = toolPurpose(line.sql());
            String heading;
            String sql;
            if (tag.find()) {
                lastScript = tag.group(1);
                heading = "-- " + lastScript;
                sql = line.sql().substring(tag.end());
                scripts++;
            } else if (purpose == null && planThreads.contains(line.thread())) {
                heading = "-- " + migrationsAfter.getOrDefault(lastScript, "data migration after " + lastScript)
                        + " (the statements it sent, as the server logged them)";
                sql = line.sql();
                migrations++;
            } else {
                tool.merge(purpose == null ? "other connections" : purpose, 1, Integer::sum);
                continue;
            }
            if (!heading.equals(section)) {
                out.append('\n').append(heading).append('\n');
                section = heading;
            }
            out.append(sql.contains(";") ? "DELIMITER $$\n" + sql + "$$\nDELIMITER ;\n" : sql + ";\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return new Captured(file, scripts, migrations, tool, threads.size());
    }

    private static String toolPurpose(String sql) {
        String trimmed = sql.strip();
        if (TAG.matcher(trimmed).find()) {
            return null;
        }
        for (Map.Entry<String, Pattern> purpose : TOOL.entrySet()) {
            if (purpose.getValue().matcher(trimmed).find()) {
                return purpose.getKey();
            }
        }
        return null;
    }

    /** The expand script after which each step's data migrations run, with their class names. */
    private static Map<String, String> migrationsAfterExpand(Catalog catalog) {
        Map<String, String> names = new HashMap<>();
        for (Step step : catalog.stepsBetween(catalog.baselineVersion(), catalog.latestVersion())) {
            names.put(step.expandPath(), String.join(", ", step.migrationClasses()));
        }
        return names;
    }

    private static String header() {
        return """
                -- DemoCloud oldest -> latest: every expand script, the data migrations, every cleanup script,
                -- as DatabaseCreator sent them (captured from the server's general log by
                -- org.dbcreator.bench.UpgradeStatements; the engine's own journal, history, state and lock
                -- statements are left out). For the stock client (mariadb DB < file) and Flyway alike.
                """;
    }
}
