package org.dbcreator.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's global status counters, read before and after a run: how many statements the
 * clients sent ({@code Questions}, and by kind {@code Com_*}), how many commits the server made
 * ({@code Handler_commit}), how many times InnoDB flushed a file to disk ({@code Innodb_data_fsyncs})
 * and how many connections were opened. Global, so they count every client of the server: the
 * figures are the run's only on a quiet server (compare the idle figure, {@link #idle}).
 */
final class ServerCounters {

    private final Connection connection;

    ServerCounters(Connection connection) {
        this.connection = connection;
    }

    Map<String, Long> read() throws SQLException {
        Map<String, Long> values = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name LIKE 'Com\\_%' OR Variable_name IN"
                        + " ('Questions', 'Handler_commit', 'Innodb_data_fsyncs', 'Connections')")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        return values;
    }

    /**
     * What changed from {@code before} to {@code after}, less the one {@code SHOW GLOBAL STATUS} that
     * read {@code after}; only the counters that moved.
     */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> {
            long own = name.equals("Questions") || name.equals("Com_show_status") ? 1 : 0;
            long moved = value - before.getOrDefault(name, 0L) - own;
            if (moved != 0) {
                delta.put(name, moved);
            }
        });
        return delta;
    }

    /** The counters' movement over {@code millis} with nothing of the benchmark running: the other clients' share. */
    Map<String, Long> idle(long millis) throws SQLException, InterruptedException {
        Map<String, Long> before = read();
        Thread.sleep(millis);
        return delta(before, read());
    }
}
