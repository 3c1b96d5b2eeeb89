package org.dbcreator.engine;

import java.net.InetAddress;
import java.nio.file.Path;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.dbcreator.backup.BackupOperation;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.RestoreOperation;
import org.dbcreator.backup.RestoreRequest;
import org.dbcreator.backup.RestoreResult;
import org.dbcreator.backup.VerifyOperation;
import org.dbcreator.backup.VerifyResult;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.catalog.NodeRegistry;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeWorkload;
import org.dbcreator.cluster.NodeWrite;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Database;
import org.dbcreator.db.Sessions;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;

/**
 * The engine's front door: wires the catalog, the connection, the history and the progress
 * listener into one operation class per command. It does no work itself. Operations are
 * synchronous; call them off any UI thread. Each long operation has a variant that takes a
 * {@link Cancellation}: cancelled, it stops within about a second where an interruption would
 * leave the database (never in the middle of a schema change), releases the operator lock and
 * throws CANCELLED; run again, it goes on from there.
 */
public final class DbCreator implements AutoCloseable {

    private final Catalog catalog;
    private final Database database;
    private final ProgressListener listener;
    private final JdbcHistory history;

    private DbCreator(Catalog catalog, Database database, ProgressListener listener) {
        this.catalog = catalog;
        this.database = database;
        this.listener = listener;
        this.history = new JdbcHistory(database.databaseName());
    }

    /** Connects to the server; throws a {@link DbCreatorException} that says why not. */
    public static DbCreator connect(Catalog catalog, ConnectionSettings settings, ProgressListener listener) {
        return new DbCreator(catalog, Database.connect(settings), listener);
    }

    /**
     * Starts the evaluator's demo: an embedded server with the demo database deployed and an
     * application account. Close the result to stop the server.
     */
    public static RunningDemo startDemo(DemoRequest request, ProgressListener listener) {
        return startDemo(request, listener, Cancellation.none());
    }

    /** Starts the demo unless cancelled first; a cancelled start stops the server it started. */
    public static RunningDemo startDemo(DemoRequest request, ProgressListener listener, Cancellation cancellation) {
        return new DemoOperation(request, listener, cancellation).run();
    }

    /**
     * Starts a demo node of the catalog's product: one of its management servers at
     * {@code options.release()}, with connections of its own. Throws NODE_NOT_ALLOWED, changing
     * nothing, when that release may not run against the database now. Stop the node to mark it down.
     */
    public static DemoNode startNode(Catalog catalog, ConnectionSettings settings, DemoNode.Options options,
            Consumer<NodeWrite> acknowledged) {
        NodeRegistry registry = catalog.manifest().nodes().orElseThrow(() -> new DbCreatorException(
                ErrorCode.INVALID_ARGUMENT, "The catalog of " + catalog.product() + " declares no node registry, so it"
                        + " has no demo node."));
        String workload = registry.demoWorkload().orElseThrow(() -> new DbCreatorException(ErrorCode.INVALID_ARGUMENT,
                "The catalog of " + catalog.product() + " names no demo workload (nodes: demo-workload in its manifest)."));
        catalog.requireKnown(options.release());
        NodeWorkload node = JavaSteps.load(workload, NodeWorkload.class);
        try {
            return DemoNode.start(Database.connect(settings), registry, node, options, acknowledged);
        } catch (SQLException e) {
            throw Failures.ofOperation(e, settings.user(), settings.database());
        }
    }

    /**
     * Asks the server, layer by layer, whether the tool can work with it (reachable, TLS with the
     * certificate presented, authenticated, release supported, database, privileges per operation).
     * Read-only. Never throws for what can go wrong on the way: each failure is a layer of the report.
     */
    public static ProbeReport probe(Catalog catalog, ConnectionSettings settings) {
        return ProbeOperation.run(catalog, settings);
    }

    /**
     * How many rows a deploy with {@code sample} loads, over all tables, as the catalog's sample
     * generator tells it; empty when the catalog has no generator or it cannot tell. Needs no server.
     */
    public static OptionalLong sampleRows(Catalog catalog, SampleSize sample) {
        if (sample.isEmpty()) {
            return OptionalLong.of(0);
        }
        return catalog.manifest().baseline().sampleDataClass().map(name -> JavaSteps.sampleRows(name, sample))
                .orElse(OptionalLong.empty());
    }

    public StatusReport status(Optional<Version> target) {
        return guarded(() -> new StatusOperation(context(ProgressListener.NONE, "status", Cancellation.none())).run(target));
    }

    /**
     * Everything support needs about the database, towards {@code target} (default: the latest):
     * versions, connection (no password), state and range, path, checks, nodes, history, the last
     * run's journal, the operator lock and recent backups. Read-only; what the account may not read
     * is a gap of the report, not a failure.
     */
    public SupportReport report(Optional<Version> target) {
        catalog.requireKnown(target.orElse(catalog.latestVersion())); // a mistyped target is the caller's error, not a gap
        return new ReportOperation(context(ProgressListener.NONE, "report", Cancellation.none())).run(target);
    }

    /**
     * The pre-flight checks {@code operation} would make now, without running it: for a deploy or an
     * upgrade towards {@code target} (default: the latest, or the target of an interrupted run); a
     * cleanup goes to the release the database is expanded to. Read-only: nothing is written,
     * locked or created, so a SELECT-only account gets its answer.
     */
    public PreflightReport preflight(OperationKind operation, Optional<Version> target) {
        return guarded(() -> new PreflightQuestion(context(ProgressListener.NONE, installedBy(), Cancellation.none())).ask(operation, target));
    }

    public DeployResult deploy(Optional<Version> target) {
        return deploy(target, SampleSize.none());
    }

    /** Deploys {@code target} (default: the latest), loading {@code sample} rows right after the baseline. */
    public DeployResult deploy(Optional<Version> target, SampleSize sample) {
        return deploy(target, sample, false, Cancellation.none());
    }

    public DeployResult deploy(Optional<Version> target, SampleSize sample, Cancellation cancellation) {
        return deploy(target, sample, false, cancellation);
    }

    /**
     * Deploys {@code target}; with {@code dryRun}, only reports the checks and every statement it
     * would run, creating and writing nothing (a refusal is a red check, not an exception).
     */
    public DeployResult deploy(Optional<Version> target, SampleSize sample, boolean dryRun) {
        return deploy(target, sample, dryRun, Cancellation.none());
    }

    private DeployResult deploy(Optional<Version> target, SampleSize sample, boolean dryRun, Cancellation cancellation) {
        return guarded(() -> new DeployOperation(scriptsContext(cancellation))
                .run(target, sample, dryRun));
    }

    /**
     * The expand phase: applies every expand and data migration up to {@code target} (default: the
     * latest); with {@code dryRun}, only reports the checks and the statements it would run.
     */
    public UpgradeResult upgrade(Optional<Version> target, boolean dryRun) {
        return upgrade(target, dryRun, BackupPolicy.defaults());
    }

    /**
     * The expand phase with a choice about the backup: by default it refuses to start without a
     * recent verified backup at the schema's release in the history.
     */
    public UpgradeResult upgrade(Optional<Version> target, boolean dryRun, BackupPolicy backup) {
        return upgrade(target, dryRun, backup, BatchPace.ROLLING);
    }

    /**
     * The expand phase, with the data migrations resting between batches as {@code pace} says, so
     * that the nodes' queries keep their latency while a large table is backfilled.
     */
    public UpgradeResult upgrade(Optional<Version> target, boolean dryRun, BackupPolicy backup, BatchPace pace) {
        return upgrade(target, dryRun, backup, pace, Cancellation.none());
    }

    public UpgradeResult upgrade(Optional<Version> target, boolean dryRun, BackupPolicy backup, BatchPace pace,
            Cancellation cancellation) {
        return guarded(() -> new UpgradeOperation(scriptsContext(cancellation))
                .run(target, dryRun, backup, pace));
    }

    /**
     * The contract phase: applies the pending cleanups. Irreversible: it runs only when the node
     * gate is open (or, for a product without a node registry, when the operator confirms).
     */
    public UpgradeResult cleanup(CleanupRequest request) {
        return cleanup(request, Cancellation.none());
    }

    /** The cleanup, stoppable also while it waits for the nodes ({@link CleanupRequest#waitForNodes()}). */
    public UpgradeResult cleanup(CleanupRequest request, Cancellation cancellation) {
        return guarded(() -> new CleanupOperation(scriptsContext(cancellation)).run(request));
    }

    /**
     * Aborts a rolling upgrade: runs the rollback scripts of the expanded steps, newest first, back
     * to the release the expand started from (or {@code request.target()}), while the database is
     * EXPANDING, EXPANDED or ROLLING_BACK. Refused (ROLLBACK_NODES_NOT_READY) while a live node runs
     * a newer release than the one returned to, and (ROLLBACK_UNAVAILABLE, naming the backup to
     * restore instead) after the cleanup or past a step without a rollback script. Cancelled or
     * interrupted, it is resumed by running it again.
     */
    public UpgradeResult rollback(RollbackRequest request, Cancellation cancellation) {
        return guarded(() -> new RollbackOperation(scriptsContext(cancellation)).run(request));
    }

    /**
     * The product's nodes judged against a cleanup to {@code target} (default: the release the
     * database is expanded to, else the latest); empty when the product has no node registry.
     */
    public Optional<GateReport> nodes(Optional<Version> target) {
        return guarded(() -> {
            Optional<DatabaseState> state = new Inspector(database, history).inspect().state();
            Version gateTarget = target.orElse(state.filter(s -> s.phase() != Phase.CLEAN)
                    .map(DatabaseState::targetVersion).orElse(catalog.latestVersion()));
            return new NodeGate(database, catalog).read(gateTarget, Set.of());
        });
    }

    /**
     * The database's version state as the tool's state table records it (phase, schema and target
     * release); empty when DatabaseCreator does not manage it. Read-only and cheap: for a front end
     * that polls the nodes and must know what they are judged against.
     */
    /**
     * How far the run under way has got, from its newest journal row: what the Status page shows
     * of another operator's run while it holds the lock. Read-only, takes no lock; empty when no
     * run is under way (the phase is CLEAN or EXPANDED) or the database is not managed.
     */
    public Optional<RunProgress> runProgress() {
        return guarded(() -> {
            Optional<DatabaseState> state = new Inspector(database, history).inspect().state();
            if (state.isEmpty() || state.get().runId().isEmpty() || state.get().phase() == Phase.CLEAN
                    || state.get().phase() == Phase.EXPANDED) {
                return Optional.<RunProgress>empty();
            }
            var newest = Optional.<java.util.Map.Entry<org.dbcreator.history.JournalEntry, java.time.Duration>>empty();
            try (Connection c = database.productConnection()) {
                newest = history.newestJournalEntry(c, state.get().runId().get());
            }
            java.util.OptionalInt statements = newest.flatMap(n -> catalog.allScripts().stream()
                    .filter(s -> s.path().equals(n.getKey().script())).findFirst())
                    .map(s -> java.util.OptionalInt.of(s.statements().size())).orElse(java.util.OptionalInt.empty());
            String description = newest.flatMap(n -> JavaSteps.description(catalog, n.getKey().script())).orElse("");
            return Optional.of(new RunProgress(state.get().phase(), state.get().targetVersion(),
                    newest.map(java.util.Map.Entry::getKey), description, statements,
                    newest.map(java.util.Map.Entry::getValue)));
        });
    }

    public Optional<DatabaseState> state() {
        return guarded(() -> new Inspector(database, history).inspect().state());
    }

    /**
     * The node registry judged against a cleanup to {@code target}, for a front end that polls it
     * (every two seconds is fine): one query on a pooled connection, no look at the history.
     * Empty when the product has no node registry.
     *
     * @param excluded nodes the operator excluded by name; refused unless each exists and is gone
     */
    public Optional<GateReport> nodes(Version target, Set<String> excluded) {
        return guarded(() -> new NodeGate(database, catalog).read(target, excluded));
    }

    /**
     * A consistent backup read back but not restore-tested (recorded as such): for callers that
     * prove it otherwise; people get {@link #backup(BackupRequest, boolean)}.
     */
    public BackupResult backup(BackupRequest request) {
        return backup(request, false).backup();
    }

    /**
     * A consistent backup of the product database into {@code request.directory()}, read back and,
     * unless {@code restoreTest} is false, restored into a scratch database and compared.
     */
    public TakenBackup backup(BackupRequest request, boolean restoreTest) {
        return backup(request, restoreTest, Cancellation.none());
    }

    /** A cancelled backup leaves no file under a backup's name; one cancelled in its restore test stays recorded as read back. */
    public TakenBackup backup(BackupRequest request, boolean restoreTest, Cancellation cancellation) {
        return guarded(() -> VerifiedBackup.take(context(listener, installedBy(), cancellation), request, restoreTest,
                false));
    }

    /**
     * Records that the operator has a backup of their own, which the tool did not take: the
     * operator confirms by typing the database's name. Recorded as {@code upgrade --skip-backup}
     * records a skip (who, when, at which release), marked as the operator's own backup, so that
     * the upgrade's backup check shows it amber (never green) and lets the expand start.
     *
     * @throws DbCreatorException INVALID_ARGUMENT when the typed name is not the database's, changing nothing
     */
    public void recordOwnBackup(String typedDatabaseName) {
        String name = database.databaseName();
        if (!name.equals(typedDatabaseName == null ? "" : typedDatabaseName.strip())) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Type the database's name, '" + name
                    + "', to confirm that you have a backup of your own; nothing was recorded.");
        }
        guarded(() -> {
            Optional<Version> schema = new Inspector(database, history).inspect().state().flatMap(DatabaseState::schemaVersion);
            try (Connection c = database.productConnection()) {
                history.createTables(c);
                history.recordOwnBackup(c, schema, installedBy());
            }
            listener.onEvent(new org.dbcreator.progress.ProgressEvent.Notice("Recorded that the operator has a backup of"
                    + " their own of '" + name + "'" + schema.map(v -> " at " + v).orElse("") + "; the tool has not"
                    + " verified it."));
            return null;
        });
    }

    /** Restores a dump into this engine's database (new, empty, or replaced when asked). */
    public RestoreResult restore(Path file, RestoreRequest request) {
        return restore(file, request, Cancellation.none());
    }

    /** A cancelled restore leaves the target as it was and drops its scratch database. */
    public RestoreResult restore(Path file, RestoreRequest request, Cancellation cancellation) {
        return guarded(() -> new RestoreOperation(catalog, database, listener, installedBy(), cancellation)
                .run(file, request));
    }

    /**
     * Checks a backup file and restores it into a scratch database on this server to compare it
     * with its manifest; the scratch database is dropped again.
     */
    public VerifyResult restoreTest(Path file, int connections) {
        return restoreTest(file, connections, Cancellation.none());
    }

    public VerifyResult restoreTest(Path file, int connections, Cancellation cancellation) {
        return guarded(() -> new VerifyOperation(catalog, database, history, listener, installedBy(), cancellation)
                .restoreTest(file, connections));
    }

    /** Checks a backup file without a server: checksum, completeness, rows per table. */
    public static VerifyResult verifyBackupFile(Path file) {
        return VerifyOperation.checkFile(file);
    }

    public Database database() {
        return database;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The context of an operation that runs the catalog's scripts, refused first where they cannot run right. */
    private OperationContext scriptsContext(Cancellation cancellation) throws SQLException {
        DatabaseNameCheck.require(catalog, database.databaseName());
        return context(listener, installedBy(), cancellation);
    }

    private OperationContext context(ProgressListener progress, String who, Cancellation cancellation) {
        return new OperationContext(catalog, database, history, progress, who, cancellation);
    }

    /** "account (os-user on host)", as the history records who ran a script. */
    private String installedBy() throws SQLException {
        try (Connection c = database.serverConnection()) {
            return Sessions.currentUser(c) + " (" + System.getProperty("user.name") + " on " + hostName() + ")";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    private <T> T guarded(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw Failures.ofOperation(e, database.settings().user(), database.databaseName());
        }
    }

    @Override
    public void close() {
        database.close();
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
