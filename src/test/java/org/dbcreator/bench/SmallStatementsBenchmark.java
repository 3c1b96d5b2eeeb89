package org.dbcreator.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.testing.SchemaFacts;
import org.dbcreator.testing.TestFiles;

/**
 * Issue 10: a deploy of many small statements through the engine versus the same scripts piped to
 * the stock {@code mariadb} client. Not a test; see docs/benchmarks.md:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *     org.dbcreator.bench.SmallStatementsBenchmark HOST:PORT [ROUNDS] [--seed S] [--catalog DIR]</pre>
 *
 * <p>The catalog is generated ({@link GeneratedCatalog}, seeded): a baseline of about 300 statements
 * and two steps of about 100, into a temporary folder (or {@code DIR}, kept). The server is used as
 * root (password in {@code DBCREATOR_PASSWORD}), the client is the {@code mariadb} on the PATH, TLS
 * is off for both. Each round runs both contenders, each on an absent database, the order
 * alternating from round to round; a first round warms up and is not counted:
 *
 * <ul>
 *   <li>the engine: {@code DbCreator.connect}, {@code deploy} of the latest release, close;
 *   <li>the client: {@code mariadb DB < client.sql} (baseline, then each step's expand and cleanup),
 *       on a database created just before, not timed, with the engine's character set.
 * </ul>
 *
 * <p>Around each run the server's global status counters are read ({@link ServerCounters}), and after
 * it the schema and the rows are compared with the first run's: a difference stops the benchmark.
 */
public final class SmallStatementsBenchmark {

    private static final Path WORK = Path.of("target", "small-statements-bench");
    private static final String ENGINE = "engine, in process";
    private static final String CLIENT = "mariadb client";

    private final ConnectionSettings admin;
    private final Connection connection;
    private final ServerCounters counters;
    private final String prefix = "smallbench_" + ProcessHandle.current().pid() + "_";
    private final Map<String, List<Map<String, Long>>> moved = new LinkedHashMap<>();
    private List<String> reference;

    private SmallStatementsBenchmark(ConnectionSettings admin) throws SQLException {
        this.admin = admin;
        this.connection = DriverManager.getConnection("jdbc:mysql://" + admin.host() + ":" + admin.port()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", admin.user(), admin.password().reveal());
        this.counters = new ServerCounters(connection);
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        long seed = Long.parseLong(option(rest, "--seed").orElse("20261010"));
        Optional<Path> kept = option(rest, "--catalog").map(Path::of);
        int rounds = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 5;
        String[] hostPort = rest.get(0).split(":");
        ConnectionSettings admin = new ConnectionSettings(hostPort[0], Integer.parseInt(hostPort[1]), "mysql", "root",
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.DISABLED, Optional.empty());
        Path folder = kept.isPresent() ? Files.createDirectories(kept.get()) : Files.createTempDirectory("dbcreator-small");
        try {
            GeneratedCatalog catalog = GeneratedCatalog.write(folder, seed, 300, 100, 2);
            System.out.println("catalog (seed " + seed + ") in " + folder + ": " + catalog.total() + " statements "
                    + catalog.statements());
            new SmallStatementsBenchmark(admin).run(catalog, rounds);
        } finally {
            if (kept.isEmpty()) {
                TestFiles.deleteRecursively(folder);
            }
        }
    }

    private void run(GeneratedCatalog catalog, int rounds) throws Exception {
        Files.createDirectories(WORK.resolve("logs"));
        System.out.println("server " + query("SELECT VERSION()") + " at " + admin.host() + ":" + admin.port() + "; client "
                + version() + "; " + rounds + " counted rounds after 1 warm-up round");
        System.out.println("idle server, counters moved over 5 s: " + counters.idle(5000));
        EnginePhases phases = new EnginePhases();
        List<Contender> contenders = List.of(Contenders.engineDeploy(catalog.catalog(), phases),
                Contenders.client(Path.of("mariadb")));
        UpgradeReport report = new UpgradeReport(contenders, new String[] {ENGINE, CLIENT});
        for (int round = 0; round <= rounds; round++) {
            report.load();
            for (int turn = 0; turn < contenders.size(); turn++) {
                Contender contender = contenders.get((turn + round) % contenders.size());
                ConnectionSettings fresh = admin.withDatabase(prefix + round + "_" + turn);
                execute("DROP DATABASE IF EXISTS " + fresh.database());
                if (contender.name().equals(CLIENT)) {
                    execute("CREATE DATABASE " + fresh.database() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                }
                Map<String, Long> before = counters.read();
                long start = System.nanoTime();
                try {
                    contender.run(new Contender.Target(fresh, catalog.clientInput().toAbsolutePath(), WORK.resolve("logs")));
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    Map<String, Long> delta = ServerCounters.delta(before, counters.read());
                    verify(contender, fresh.database());
                    System.out.printf("round %d%s  %-20s %6.2f s  %s%n", round, round == 0 ? " (warm-up)" : "",
                            contender.name(), elapsed, delta);
                    if (round > 0) {
                        report.run(contender.name(), elapsed);
                        moved.computeIfAbsent(contender.name(), c -> new ArrayList<>()).add(delta);
                        if (contender.name().equals(ENGINE)) {
                            report.enginePhases(phases.millis());
                        }
                    }
                } finally {
                    execute("DROP DATABASE IF EXISTS " + fresh.database());
                }
            }
        }
        report.load();
        report.print();
        printCounters(catalog.total());
        report.writeCsv(WORK.resolve("runs-" + admin.port() + ".csv"));
    }

    /**
     * The counters of each contender's quietest run (the fewest {@code Questions}), and per statement of the catalog:
     * other clients of the server only ever add to them, so that run's are the closest to its own.
     */
    private void printCounters(int statements) {
        Map<String, Map<String, Long>> quietest = new LinkedHashMap<>();
        moved.forEach((contender, runs) -> quietest.put(contender, runs.stream()
                .min(Comparator.comparingLong(run -> run.getOrDefault("Questions", 0L))).orElseThrow()));
        System.out.println("\nserver counters of the quietest run (per catalog statement), " + statements + " statements:");
        System.out.println("| counter | " + String.join(" | ", quietest.keySet()) + " |\n|---|"
                + "---|".repeat(quietest.size()));
        TreeSet<String> names = new TreeSet<>();
        quietest.values().forEach(run -> names.addAll(run.keySet()));
        for (String name : names) {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (Map<String, Long> run : quietest.values()) {
                long n = run.getOrDefault(name, 0L);
                row.append(String.format(" %d (%.2f) |", n, (double) n / statements));
            }
            System.out.println(row);
        }
    }

    /** Every run must leave the same schema and rows as the first. */
    private void verify(Contender contender, String database) throws SQLException {
        List<String> state = new ArrayList<>(SchemaFacts.of(connection, database));
        List<String> tables = state.stream().filter(f -> f.startsWith("table ") && f.endsWith("| base table"))
                .map(f -> f.substring("table ".length(), f.indexOf(" |"))).toList();
        for (String table : tables) {
            state.add("rows " + table + " " + query("SELECT COUNT(*) FROM " + database + "." + table) + " checksum "
                    + query("CHECKSUM TABLE " + database + "." + table, 2));
        }
        if (reference == null) {
            reference = state;
            Map<String, Integer> kinds = new LinkedHashMap<>();
            state.forEach(fact -> kinds.merge(fact.startsWith("foreign key") ? "foreign key"
                    : fact.substring(0, fact.indexOf(' ')), 1, Integer::sum));
            System.out.println("schema after the first run: " + kinds);
        } else if (!state.equals(reference)) {
            List<String> differences = new ArrayList<>(state);
            differences.removeAll(reference);
            List<String> missing = new ArrayList<>(reference);
            missing.removeAll(state);
            throw new IllegalStateException(contender.name() + " left " + database + " different from the first run: "
                    + differences + "; missing: " + missing);
        }
    }

    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return Optional.of(value);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        return query(sql, 1);
    }

    private String query(String sql, int column) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(column);
        }
    }

    private static String version() throws Exception {
        Process p = new ProcessBuilder("mariadb", "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }
}
