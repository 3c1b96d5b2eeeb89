package org.dbcreator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.BatchPace;
import org.dbcreator.engine.CleanupRequest;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.UpgradeResult;

/**
 * Demo nodes during a rolling upgrade: what the product's nodes see before, during and
 * after the expand, and, with their restart onto the new release, before, during and after the
 * cleanup. Each round deploys the oldest release with the sample rows into a fresh database, starts
 * the nodes, measures each phase as one interval of the nodes' figures, and drops the database.
 *
 * <pre>
 *   NodesDuringUpgrade [HOST:PORT] [--rounds 3] [--rows 1000000] [--nodes 3] [--rate 20] [--seconds 30] [--no-cleanup]
 *                      [--rest-ratios 1]
 * </pre>
 *
 * {@code --rest-ratios 0,1} compares the data migrations' paces side by side: the rounds take the
 * ratios in turn (so {@code --rounds 4} gives two rounds of each), and each ratio gets its summary.
 *
 * Root (or DBCREATOR_USER) with DBCREATOR_PASSWORD (default empty), TLS off. A plain main class,
 * run by hand (docs/benchmarks.md), never by the build.
 */
public final class NodesDuringUpgrade {

    private static final String DB_PREFIX = "nodebench_";
    private static final long WARM_UP_MILLIS = 10_000;
    private static final List<String> BIG_TABLES = List.of("event", "usage_event", "vm_instance", "account", "host");

    private final Catalog catalog = Catalog.bundled();
    private final ConnectionSettings admin;
    private final Map<String, String> options;
    private final int nodes;
    private final double rate;
    private final long steadyMillis;
    private final Map<Double, NodesReport> reports = new LinkedHashMap<>();
    private final List<Double> restRatios;

    private NodesDuringUpgrade(ConnectionSettings admin, Map<String, String> options) {
        this.admin = admin;
        this.options = options;
        this.nodes = Integer.parseInt(options.getOrDefault("nodes", "3"));
        this.rate = Double.parseDouble(options.getOrDefault("rate", "20"));
        this.steadyMillis = 1000L * Integer.parseInt(options.getOrDefault("seconds", "30"));
        this.restRatios = Stream.of(options.getOrDefault("rest-ratios", String.valueOf(BatchPace.ROLLING.restRatio()))
                .split(",")).map(Double::parseDouble).toList();
        restRatios.forEach(ratio -> reports.put(ratio, new NodesReport(System.out)));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String server = "127.0.0.1:3306";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-cleanup")) {
                options.put("no-cleanup", "true");
            } else if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                server = args[i];
            }
        }
        String[] hostPort = server.split(":");
        ConnectionSettings admin = new ConnectionSettings(hostPort[0], Integer.parseInt(hostPort[1]), "mysql",
                System.getenv().getOrDefault("DBCREATOR_USER", "root"),
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.DISABLED, Optional.empty());
        new NodesDuringUpgrade(admin, options).run(Integer.parseInt(options.getOrDefault("rounds", "3")),
                Long.parseLong(options.getOrDefault("rows", "1000000")));
    }

    private void run(int rounds, long rows) throws Exception {
        try (Connection c = adminConnection()) {
            System.out.printf("server %s at %s:%d; %d nodes at %.0f units/s each; %,d sample rows; steady phases %d s;"
                    + " %d rounds; load average %s%n", query(c, "SELECT VERSION()"), admin.host(), admin.port(), nodes,
                    rate, rows, steadyMillis / 1000, rounds, loadAverage());
        }
        for (int round = 1; round <= rounds; round++) {
            BatchPace pace = new BatchPace(restRatios.get((round - 1) % restRatios.size()));
            NodesReport report = reports.get(pace.restRatio());
            report.round(round, runRound(round, rows, pace, report));
        }
        reports.forEach((ratio, report) -> {
            System.out.printf("%n== data migrations resting %.1f times each batch's duration ==%n", ratio);
            report.summary();
        });
    }

    private List<PhaseFigures> runRound(int round, long rows, BatchPace pace, NodesReport report) throws Exception {
        ConnectionSettings settings = admin.withDatabase(DB_PREFIX + round);
        String loadBefore = loadAverage();
        try (Connection c = adminConnection()) {
            execute(c, "DROP DATABASE IF EXISTS " + settings.database());
        }
        long deployStart = System.nanoTime();
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            engine.deploy(Optional.of(catalog.baselineVersion()), new SampleSize(rows, SampleSize.DEFAULT_SEED));
        }
        double deploySeconds = (System.nanoTime() - deployStart) / 1e9;
        Map<String, Long> counts = rowCounts(settings.database());
        System.out.printf("%nround %d (rest ratio %.1f): load average %s; deployed %s with %,d sample rows in %.1f s: %s%n",
                round, pace.restRatio(), loadBefore, catalog.baselineVersion(), rows, deploySeconds, counts.entrySet().stream()
                        .map(e -> String.format("%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));

        Map<String, List<Long>> inserted = new HashMap<>();
        List<PhaseFigures> phases = new ArrayList<>();
        BenchNodes cluster = BenchNodes.start(catalog, settings, catalog.baselineVersion(), nodes, rate, inserted);
        Thread.sleep(WARM_UP_MILLIS);
        phases.add(steady(cluster, "before expand"));
        OperationTimeline expand = new OperationTimeline();
        phases.add(operation(cluster, "during expand", settings, expand, engine -> engine.upgrade(
                Optional.of(catalog.latestVersion()), false, BackupPolicy.skip(), pace)));
        report.operation("expand", cluster, expand);
        phases.add(steady(cluster, "after expand"));
        cluster.stop().forEach(e -> System.out.println("  ! " + e));

        if (!options.containsKey("no-cleanup")) {
            cluster = BenchNodes.start(catalog, settings, catalog.latestVersion(), nodes, rate, inserted);
            Thread.sleep(WARM_UP_MILLIS);
            phases.add(steady(cluster, "before cleanup"));
            OperationTimeline cleanup = new OperationTimeline();
            phases.add(operation(cluster, "during cleanup", settings, cleanup, engine -> engine.cleanup(
                    CleanupRequest.withConfirmation())));
            report.operation("cleanup", cluster, cleanup);
            phases.add(steady(cluster, "after cleanup"));
            cluster.stop().forEach(e -> System.out.println("  ! " + e));
        }
        phases.forEach(report::phase);
        report.acknowledgedInserts(missingInserts(settings.database(), inserted));
        try (Connection c = adminConnection()) {
            execute(c, "DROP DATABASE " + settings.database());
        }
        System.out.printf("round %d done; load average %s%n", round, loadAverage());
        return phases;
    }

    private PhaseFigures steady(BenchNodes cluster, String phase) throws InterruptedException {
        cluster.takeIntervals();
        long[] gc = PhaseFigures.gcSoFar();
        long from = System.nanoTime();
        Thread.sleep(steadyMillis);
        long to = System.nanoTime();
        return PhaseFigures.of(phase, from, to, cluster.units(from, to), cluster.takeIntervals(), gc);
    }

    @FunctionalInterface
    private interface Operation {
        UpgradeResult run(DbCreator engine);
    }

    /** The whole operation as the operator's command runs it: connect, run, close. */
    private PhaseFigures operation(BenchNodes cluster, String phase, ConnectionSettings settings, OperationTimeline timeline,
            Operation operation) {
        cluster.takeIntervals();
        long[] gc = PhaseFigures.gcSoFar();
        LocalTime wallStart = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        timeline.start();
        UpgradeResult result;
        try (DbCreator engine = DbCreator.connect(catalog, settings, timeline)) {
            result = operation.run(engine);
        }
        timeline.end();
        PhaseFigures figures = PhaseFigures.of(phase, timeline.startNanos(), timeline.endNanos(),
                cluster.units(timeline.startNanos(), timeline.endNanos()), cluster.takeIntervals(), gc);
        System.out.printf("%s (%s to %s): %s %s -> %s, %d applied, %s, engine reports %.1f s%n", phase, wallStart,
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), result.operation(), result.from(), result.to(),
                result.applied(), result.outcome(), result.duration().toMillis() / 1e3);
        return figures;
    }

    /** Acknowledged inserts whose row is gone, per table: there must be none. */
    private Map<String, long[]> missingInserts(String database, Map<String, List<Long>> inserted) throws SQLException {
        Map<String, long[]> found = new LinkedHashMap<>();
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, List<Long>> table : inserted.entrySet()) {
                List<Long> ids = table.getValue();
                long present = 0;
                for (int i = 0; i < ids.size(); i += 1000) {
                    String in = ids.subList(i, Math.min(ids.size(), i + 1000)).stream().map(String::valueOf)
                            .collect(Collectors.joining(","));
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + database + "." + table.getKey()
                            + " WHERE id IN (" + in + ")")) {
                        rs.next();
                        present += rs.getLong(1);
                    }
                }
                found.put(table.getKey(), new long[] {ids.size(), present});
            }
        }
        return found;
    }

    private Map<String, Long> rowCounts(String database) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = adminConnection()) {
            for (String table : BIG_TABLES) {
                counts.put(table, Long.parseLong(query(c, "SELECT COUNT(*) FROM " + database + "." + table)));
            }
        }
        return counts;
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + admin.host() + ":" + admin.port()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", admin.user(), admin.password().reveal());
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }
}
