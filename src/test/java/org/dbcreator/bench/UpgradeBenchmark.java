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
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.embedded.EmbeddedServer;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.SampleSize;

/**
 * Issue 4: oldest → latest (upgrade + cleanup) on a database with sample rows, through the engine
 * versus the same statements fed to the stock {@code mariadb} client versus Flyway, each in process
 * and as whole commands. Not a test; see docs/benchmarks.md. Needs {@code -Pbench} (Flyway):
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *     org.dbcreator.bench.UpgradeBenchmark embedded|HOST:PORT [RUNS] [--sql FILE]</pre>
 *
 * {@code embedded} starts a private MariaDB 11.4 and compares with its own {@code mariadb} client;
 * {@code HOST:PORT} uses that server as root (password in {@code DBCREATOR_PASSWORD}) and the
 * {@code mariadb} on the PATH. The statements for the client and Flyway are captured from an engine
 * run first ({@link UpgradeStatements}, which switches the server's general log on for a moment),
 * unless {@code --sql} names a file captured before: use that on a server others share.
 *
 * <p>Each round gives every contender a fresh database at the oldest release with the same sample
 * rows (not timed), in the same order; the first round warms up and is not counted. After each run
 * the database must match the first engine run's (schema, row counts, backfilled values), or the
 * benchmark stops.
 */
public final class UpgradeBenchmark {

    private static final Path WORK = Path.of("target", "upgrade-bench");
    private static final Path JAR = Path.of("target", "dbcreator.jar");
    /** The statements as last captured, kept for reading and for running on a shared server with --sql. */
    private static final Path COMMITTED_SQL = Path.of("src/test/resources/bench/V2__democloud_oldest_to_latest.sql");
    private static final long ROWS = 100_000;
    private static final String DB_PREFIX = "upbench_";

    private final Catalog catalog = Catalog.bundled();
    private final ConnectionSettings admin;
    private final Connection connection;
    private List<String> reference;

    private UpgradeBenchmark(ConnectionSettings admin) throws SQLException {
        this.admin = admin;
        this.connection = DriverManager.getConnection("jdbc:mysql://" + admin.host() + ":" + admin.port()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", admin.user(), admin.password().reveal());
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Optional<Path> sql = Optional.empty();
        int at = rest.indexOf("--sql");
        if (at >= 0) {
            sql = Optional.of(Path.of(rest.get(at + 1)).toAbsolutePath());
            rest.subList(at, at + 2).clear();
        }
        int runs = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 7;
        EmbeddedServer embedded = null;
        try {
            ConnectionSettings admin;
            Path client;
            if (rest.get(0).equals("embedded")) {
                embedded = EmbeddedServer.inFolder(WORK.resolve("embedded").toAbsolutePath(), UserFolders.fromEnvironment(),
                        List.of()).start(0);
                admin = embedded.rootSettings("mysql");
                client = embedded.binaries().client();
            } else {
                String[] hostPort = rest.get(0).split(":");
                admin = new ConnectionSettings(hostPort[0], Integer.parseInt(hostPort[1]), "mysql", "root",
                        Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.DISABLED, Optional.empty());
                client = Path.of("mariadb");
            }
            new UpgradeBenchmark(admin).run(client, runs, sql);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private void run(Path client, int runs, Optional<Path> givenSql) throws Exception {
        Files.createDirectories(WORK.resolve("logs"));
        dropLeftovers();
        System.out.println("server " + query("SELECT VERSION()") + " at " + admin.host() + ":" + admin.port() + "; client "
                + version(client) + "; " + ROWS + " sample rows; " + runs + " counted runs after 1 warm-up round");
        Path sql = givenSql.isPresent() ? givenSql.get() : capture();
        System.out.println("statements: " + sql);

        EnginePhases phases = new EnginePhases();
        List<Contender> contenders = List.of(Contenders.engineInProcess(catalog, phases), Contenders.client(client),
                Contenders.flywayInProcess(), Contenders.engineCommand(JAR, List.of()), Contenders.flywayCommand(),
                Contenders.engineCommand(JAR, List.of("-XX:TieredStopAtLevel=1")));
        UpgradeReport report = new UpgradeReport(contenders);
        for (int round = 0; round <= runs; round++) {
            report.load();
            for (int i = 0; i < contenders.size(); i++) {
                Contender contender = contenders.get(i);
                ConnectionSettings fresh = freshDatabase(DB_PREFIX + round + "_" + i);
                long start = System.nanoTime();
                contender.run(new Contender.Target(fresh, sql, WORK.resolve("logs")));
                double elapsed = (System.nanoTime() - start) / 1e9;
                verify(contender, fresh.database());
                execute("DROP DATABASE " + fresh.database());
                System.out.printf("round %d%s  %-20s %6.2f s%n", round, round == 0 ? " (warm-up)" : "", contender.name(), elapsed);
                if (round > 0) {
                    report.run(contender.name(), elapsed);
                    if (i == 0) {
                        report.enginePhases(phases.millis());
                    }
                }
            }
        }
        report.load();
        report.print();
        report.writeCsv(WORK.resolve("runs-" + admin.port() + ".csv"));
    }

    /** A fresh database at the oldest release with the sample rows: the same for every contender. */
    private ConnectionSettings freshDatabase(String name) {
        ConnectionSettings settings = admin.withDatabase(name);
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            engine.deploy(Optional.of(catalog.baselineVersion()), new SampleSize(ROWS, SampleSize.DEFAULT_SEED));
        }
        return settings;
    }

    /** One engine run under the general log gives the statements; its result is the reference state. */
    private Path capture() throws Exception {
        ConnectionSettings fresh = freshDatabase(DB_PREFIX + "capture");
        Contender engine = Contenders.engineInProcess(catalog, new EnginePhases());
        Path file = WORK.resolve("sql").resolve("V2__democloud_oldest_to_latest.sql").toAbsolutePath();
        UpgradeStatements.Captured captured = UpgradeStatements.capture(admin, catalog, () -> {
            try {
                engine.run(new Contender.Target(fresh, file, WORK.resolve("logs")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, file);
        reference = StateFingerprint.of(connection, fresh.database());
        execute("DROP DATABASE " + fresh.database());
        System.out.printf("captured: %d script statements, %d data-migration statements; the engine's own: %d statements"
                + " over %d connections %s%n", captured.scriptStatements(), captured.migrationStatements(),
                captured.toolTotal(), captured.connections(), captured.toolStatements());
        System.out.println(Files.exists(COMMITTED_SQL) && Files.mismatch(file, COMMITTED_SQL) == -1
                ? "the same statements as " + COMMITTED_SQL
                : "statements DIFFERENT from " + COMMITTED_SQL + ": if the catalog changed on purpose, copy " + file + " there");
        return file;
    }

    private void verify(Contender contender, String database) throws SQLException {
        List<String> state = StateFingerprint.of(connection, database);
        if (reference == null) {
            reference = state;
        } else if (!state.equals(reference)) {
            List<String> differences = new ArrayList<>(state);
            differences.removeAll(reference);
            throw new IllegalStateException(contender.name() + " left " + database + " different from the engine's: "
                    + differences);
        }
    }

    private void dropLeftovers() throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + DB_PREFIX.replace("_", "\\_") + "%'")) {
            while (rs.next()) {
                leftovers.add(rs.getString(1));
            }
        }
        for (String db : leftovers) {
            System.out.println("dropping " + db + ", left by an interrupted run");
            execute("DROP DATABASE " + db);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String version(Path client) throws Exception {
        Process p = new ProcessBuilder(client.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }
}
