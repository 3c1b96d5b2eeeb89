package org.dbcreator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;

/**
 * Backup and restore, ours against the stock tools, on the same server in one run (not part of
 * {@code mvn verify}; docs/benchmarks.md has the command). Each round runs, in alternating order:
 * {@code dbcreator backup --no-restore-test} vs {@code mariadb-dump --single-transaction | gzip -6},
 * then the default {@code dbcreator backup} (with its restore test), then {@code dbcreator restore}
 * vs {@code gzip -dc FILE | mariadb} of the same file. A first round warms up (the launcher's class
 * archive, the page cache) and is not counted. Wall times, CPU time of the processes, peak resident
 * memory (GNU time's %M, summed over a pipeline's processes), the server's CPU time when its process
 * id is given, and the load average before each round.
 *
 * <p>Options: --host --port --user --database --rows --runs --work --launcher (default ./dbcreator,
 * run as an operator runs it) or --jar (java -jar JAR instead) --client-dir --java-options (e.g.
 * "-Xmx64m", for the tool's JVM) --server-pid; the password comes in DBCREATOR_PASSWORD.
 */
public final class BackupBenchmark {

    private final Map<String, String> options;
    private final ConnectionSettings settings;
    private final Path work;
    private final String password;

    private BackupBenchmark(Map<String, String> options) {
        this.options = options;
        this.password = System.getenv().getOrDefault("DBCREATOR_PASSWORD", "");
        this.settings = new ConnectionSettings(option("host", "127.0.0.1"), Integer.parseInt(option("port", "3306")),
                option("database", "bench"), option("user", "root"), Secret.of(password), TlsMode.DISABLED, Optional.empty());
        this.work = Path.of(option("work", "/tmp/dbcreator-bench"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new BackupBenchmark(options).run();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        long rows = Long.parseLong(option("rows", "1000000"));
        int runs = Integer.parseInt(option("runs", "3"));
        Files.createDirectories(work);
        if (productRows(settings.database()) < rows) {
            execute("DROP DATABASE IF EXISTS `" + settings.database() + "`");
            long start = System.nanoTime();
            SampleFiller.deployAndFill(settings, rows);
            System.out.printf(Locale.ROOT, "filled %s with %,d rows in %.0f s%n", settings.database(),
                    productRows(settings.database()), (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "database %s: %,d rows, %.1f MB of data%n", settings.database(),
                productRows(settings.database()), dataBytes() / 1e6);
        System.out.println("warm-up round (not counted) ...");
        Path warm = clean(work.resolve("warm-up"));
        ourVerifiedBackup(warm);
        stockBackup(work.resolve("warm-up.sql.gz"));
        List<Measured[]> results = new ArrayList<>();
        List<double[]> serverCpu = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            loads.add(loadAverage());
            Path ours = clean(work.resolve("ours-" + r));
            Path stock = work.resolve("stock-" + r + ".sql.gz");
            double[] server = new double[5];
            Measured oursBackup;
            Measured stockBackup;
            if (r % 2 == 1) {
                oursBackup = serverTimed(server, 0, () -> ourBackup(ours));
                stockBackup = serverTimed(server, 1, () -> stockBackup(stock));
            } else {
                stockBackup = serverTimed(server, 1, () -> stockBackup(stock));
                oursBackup = serverTimed(server, 0, () -> ourBackup(ours));
            }
            Path file = onlyDump(ours);
            Path verified = clean(work.resolve("ours-verified-" + r));
            Measured oursVerified = serverTimed(server, 2, () -> ourVerifiedBackup(verified));
            Measured oursRestore;
            Measured stockRestore;
            if (r % 2 == 1) {
                oursRestore = serverTimed(server, 3, () -> ourRestore(file));
                stockRestore = serverTimed(server, 4, () -> stockRestore(file));
            } else {
                stockRestore = serverTimed(server, 4, () -> stockRestore(file));
                oursRestore = serverTimed(server, 3, () -> ourRestore(file));
            }
            Measured[] round = {oursBackup, stockBackup, oursVerified, oursRestore, stockRestore};
            results.add(round);
            serverCpu.add(server);
            System.out.printf(Locale.ROOT, "run %d (load %s): backup %.2f s (ours, %.1f MB) vs %.2f s (mariadb-dump | gzip, %.1f MB);"
                    + " backup with its restore test %.2f s; restore %.2f s (ours) vs %.2f s (gzip -dc | mariadb)%n", r,
                    loads.get(r - 1), oursBackup.seconds(), Files.size(file) / 1e6, stockBackup.seconds(),
                    Files.size(stock) / 1e6, oursVerified.seconds(), oursRestore.seconds(), stockRestore.seconds());
        }
        report(results, serverCpu, loads);
    }

    @FunctionalInterface
    private interface Run {
        Measured run() throws Exception;
    }

    /**
     * Runs one contender, noting the server's CPU seconds it took, when the server's process is known.
     * It starts once the server is idle: a restore leaves the server writing its pages out for seconds
     * after it ends, and that work slowed whatever ran next (a verified backup's server CPU 2.85 s
     * after an idle server, 3.71 s in the rounds of this benchmark before it waited).
     */
    private Measured serverTimed(double[] server, int step, Run run) throws Exception {
        awaitIdleServer();
        double before = serverCpuSeconds();
        Measured measured = run.run();
        server[step] = serverCpuSeconds() - before;
        return measured;
    }

    /** Until the server's process used under 2 % of a core for half a second (at most 60 s); at once without its id. */
    private void awaitIdleServer() throws IOException, InterruptedException {
        if (!options.containsKey("server-pid")) {
            return;
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        double last = serverCpuSeconds();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            double now = serverCpuSeconds();
            if (now - last < 0.01) {
                return;
            }
            last = now;
        }
    }

    /** User and system time of the server's process (from /proc), or 0 when its id was not given. */
    private double serverCpuSeconds() throws IOException {
        String pid = option("server-pid", "");
        if (pid.isBlank()) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in clock ticks
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** The backup alone: written, read back, not restore-tested. */
    private Measured ourBackup(Path folder) throws Exception {
        return Measured.of(List.of(tool("backup", "--database", settings.database(), "--to", folder.toString(),
                "--no-restore-test")), null, null, env());
    }

    /** The backup as an operator gets it by default: also restored into a scratch database and compared. */
    private Measured ourVerifiedBackup(Path folder) throws Exception {
        return Measured.of(List.of(tool("backup", "--database", settings.database(), "--to", folder.toString())), null, null,
                env());
    }

    private Measured stockBackup(Path file) throws Exception {
        Files.deleteIfExists(file);
        List<String> dump = new ArrayList<>(List.of(client("mariadb-dump"), "--no-defaults", "--protocol=TCP",
                "--host=" + settings.host(), "--port=" + settings.port(), "--user=" + settings.user(), "--single-transaction",
                "--routines", "--events", "--triggers", settings.database()));
        return Measured.of(List.of(dump, List.of("gzip", "-6")), null, file, env());
    }

    private Measured ourRestore(Path file) throws Exception {
        execute("DROP DATABASE IF EXISTS bench_restored_ours");
        return Measured.of(List.of(tool("restore", file.toString(), "--into", "bench_restored_ours")), null, null, env());
    }

    private Measured stockRestore(Path file) throws Exception {
        execute("DROP DATABASE IF EXISTS bench_restored_stock");
        execute("CREATE DATABASE bench_restored_stock");
        List<String> client = List.of(client("mariadb"), "--no-defaults", "--protocol=TCP", "--host=" + settings.host(),
                "--port=" + settings.port(), "--user=" + settings.user(), "bench_restored_stock");
        return Measured.of(List.of(List.of("gzip", "-dc", file.toString()), client), null, null, env());
    }

    /** The tool as an operator runs it: the launcher, or java -jar when --jar is given. */
    private List<String> tool(String command, String... more) {
        List<String> args = new ArrayList<>();
        String javaOptions = option("java-options", "").trim();
        if (options.containsKey("jar")) {
            args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (!javaOptions.isBlank()) {
                args.addAll(List.of(javaOptions.split("\\s+")));
            }
            args.addAll(List.of("-jar", option("jar", "target/dbcreator.jar")));
        } else {
            args.add(option("launcher", "./dbcreator")); // the java options go in DBCREATOR_JAVA_OPTIONS, see env()
        }
        args.addAll(List.of(command, "--host", settings.host(), "--port",
                String.valueOf(settings.port()), "--user", settings.user(), "--tls-mode", "DISABLED"));
        args.addAll(List.of(more));
        return args;
    }

    private String client(String name) {
        return Path.of(option("client-dir", "/usr/bin"), name).toString();
    }

    private Map<String, String> env() {
        return Map.of("DBCREATOR_PASSWORD", password, "MYSQL_PWD", password, "DBCREATOR_JAVA_OPTIONS",
                options.containsKey("jar") ? "" : option("java-options", ""));
    }

    private static void report(List<Measured[]> results, List<double[]> serverCpu, List<String> loads) {
        String[] names = {"backup: dbcreator backup --no-restore-test", "backup: mariadb-dump --single-transaction | gzip -6",
            "backup + restore test: dbcreator backup", "restore: dbcreator restore", "restore: gzip -dc | mariadb"};
        System.out.println("\n| step | runs (s) | median (s) | CPU, median (s) | server CPU, median (s) | peak memory (MB) |"
                + "\n|---|---|---|---|---|---|");
        double[] medians = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            int step = i;
            medians[i] = median(results.stream().map(r -> r[step].seconds()).toList());
            long peak = results.stream().mapToLong(r -> r[step].peakKilobytes()).max().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.0f |%n", names[i], String.join(", ",
                    results.stream().map(r -> String.format(Locale.ROOT, "%.2f", r[step].seconds())).toList()), medians[i],
                    median(results.stream().map(r -> r[step].cpuSeconds()).toList()),
                    median(serverCpu.stream().map(c -> c[step]).toList()), peak / 1024.0);
        }
        System.out.printf(Locale.ROOT, "%nratios of the medians: backup: ours / mariadb-dump = %.2f; backup + restore test"
                + " / mariadb-dump = %.2f; restore: ours / stock client = %.2f%n", medians[0] / medians[1],
                medians[2] / medians[1], medians[3] / medians[4]);
        System.out.printf(Locale.ROOT, "per round, median: backup %.2f; backup + restore test %.2f; restore %.2f%n",
                median(results.stream().map(r -> r[0].seconds() / r[1].seconds()).toList()),
                median(results.stream().map(r -> r[2].seconds() / r[1].seconds()).toList()),
                median(results.stream().map(r -> r[3].seconds() / r[4].seconds()).toList()));
        System.out.println("load average (1 minute) before each round: " + String.join(", ", loads));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Path onlyDump(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".sql.gz")).findFirst().orElseThrow();
        }
    }

    private static Path clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    private long productRows(String database) throws SQLException {
        long total = 0;
        for (String table : List.of("data_center", "account", "host", "vm_instance", "event", "usage_event")) {
            try {
                total += number("SELECT COUNT(*) FROM `" + database + "`.`" + table + "`");
            } catch (SQLException absent) {
                return 0;
            }
        }
        return total;
    }

    private long dataBytes() throws SQLException {
        return number("SELECT SUM(DATA_LENGTH) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + settings.database() + "'");
    }

    private long number(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection connection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        p.setProperty("password", password);
        p.setProperty("sslMode", "DISABLED");
        return DriverManager.getConnection("jdbc:mysql://" + settings.host() + ":" + settings.port() + "/", p);
    }
}
