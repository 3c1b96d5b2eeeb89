package org.dbcreator.ui.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStats;
import org.dbcreator.cluster.NodeWrite;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.ServerInfo;
import org.dbcreator.embedded.DemoFolder;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.engine.ProbeReport;
import org.dbcreator.engine.DemoRequest;
import org.dbcreator.engine.RunningDemo;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.catalog.NodeRegistry;
import org.dbcreator.engine.CleanupRequest;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.RollbackRequest;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.report.HtmlReport;
import org.dbcreator.report.JsonReport;
import org.dbcreator.report.ReportFile;
import org.dbcreator.backup.BackupManifest;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.VerifyResult;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.BatchPace;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.engine.TakenBackup;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's engine calls over today's {@link DbCreator} facade. Not thread-safe: one executor
 * thread calls it, except {@link #nodes()}, which a poller calls from a thread of its own and which
 * reads on a second connection of its own.
 */
public final class EngineWizardService implements WizardService {

    private static final Logger LOG = LoggerFactory.getLogger(EngineWizardService.class);
    private static final double NODE_RATE = 20;

    private final UserFolders folders;
    private final Map<String, String> env;
    private final ProgressListener log;
    private Catalog catalog;
    private volatile DbCreator engine;
    private RunningDemo demo;
    private final List<DemoNode> nodes = new CopyOnWriteArrayList<>();
    /** What the demo nodes saw: every write acknowledged, and the stats of each node stopped so far. */
    private final List<NodeWrite> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<NodeStats> stoppedNodes = new CopyOnWriteArrayList<>();
    private final Set<String> excluded = ConcurrentHashMap.newKeySet();
    private final Set<String> rollbackExcluded = ConcurrentHashMap.newKeySet();
    private final Object pollLock = new Object();
    private volatile ConnectionSettings settings;
    private DbCreator pollEngine; // guarded by pollLock
    private volatile ProgressListener callProgress = ProgressListener.NONE;

    /** @param log receives the engine's progress of every call, for the log drawer */
    public EngineWizardService(Map<String, String> env, ProgressListener log) {
        this.env = Map.copyOf(env);
        this.folders = UserFolders.from(env);
        this.log = log;
    }

    @Override
    public List<RecentConnection> recentConnections() {
        List<Path> files = new ArrayList<>();
        Path profiles = folders.config().resolve("profiles");
        if (Files.isDirectory(profiles)) {
            try (Stream<Path> listed = Files.list(profiles)) {
                listed.filter(f -> f.getFileName().toString().endsWith(".properties")).forEach(files::add);
            } catch (IOException e) {
                LOG.warn("Cannot list the connection profiles in {}: {}", profiles, e.toString());
            }
        }
        Path demoProfile = DemoFolder.of(folders).profileFile();
        if (Files.isRegularFile(demoProfile)) {
            files.add(demoProfile);
        }
        List<RecentConnection> recent = new ArrayList<>();
        for (Path file : files) {
            try {
                recent.add(new RecentConnection(profileName(profiles, file), file, ConnectionProfile.read(file)));
            } catch (DbCreatorException refused) {
                LOG.warn("Skipping a connection profile: {}", refused.getMessage());
            }
        }
        recent.sort(Comparator.comparing((RecentConnection r) -> modified(r.file())).reversed());
        return recent;
    }

    /** The name --profile takes: the bare name inside the profile folder, the file's path elsewhere. */
    private static String profileName(Path profiles, Path file) {
        String fileName = file.getFileName().toString();
        return file.getParent().equals(profiles) ? fileName.substring(0, fileName.length() - ".properties".length())
                : file.toString();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public RecentConnection profile(String nameOrFile) {
        boolean isFile = nameOrFile.contains("/") || nameOrFile.endsWith(".properties");
        Path file = isFile ? Path.of(nameOrFile) : folders.profile(nameOrFile);
        return new RecentConnection(nameOrFile, file, ConnectionProfile.read(file));
    }

    @Override
    public ProbeReport test(ConnectionRequest request) {
        return DbCreator.probe(catalog(), settings(request));
    }

    @Override
    public ConnectedDatabase connect(ConnectionRequest request) {
        disconnect();
        ConnectionSettings opened = settings(request);
        engine = DbCreator.connect(catalog(), opened, this::progress);
        settings = opened;
        return new ConnectedDatabase(request.host(), request.port(), request.database(), request.user(),
                request.tlsMode(), request.caFile().map(Path::toString), server(engine),
                request.profile().map(RecentConnection::name),
                request.profile().flatMap(p -> p.profile().environment()));
    }

    @Override
    public DryRun preview() {
        if (engine == null) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "No database is open: connect first.");
        }
        StatusReport.Condition condition = engine.status(Optional.empty()).condition();
        if (condition == StatusReport.Condition.ABSENT || condition == StatusReport.Condition.EMPTY) {
            DeployResult deploy = engine.deploy(Optional.empty(), SampleSize.none(), true);
            return new DryRun(OperationKind.DEPLOY, deploy.preview(), deploy.checks()
                    .orElse(new PreflightReport(OperationKind.DEPLOY, List.of())));
        }
        UpgradeResult upgrade = engine.upgrade(Optional.empty(), true);
        return new DryRun(OperationKind.UPGRADE, upgrade.preview(), upgrade.checks());
    }

    @Override
    public DatabaseStatus status() {
        if (engine == null) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "No database is open: connect first.");
        }
        return status(engine);
    }

    @Override
    public DatabaseStatus statusPoll() {
        synchronized (pollLock) {
            requireOpen();
            if (pollEngine == null) {
                pollEngine = DbCreator.connect(catalog(), settings, ProgressListener.NONE);
            }
            return status(pollEngine);
        }
    }

    /** The status as {@code engine} reads it; while another process holds the lock, with its run's progress. */
    private static DatabaseStatus status(DbCreator engine) {
        long start = System.nanoTime();
        StatusReport report = engine.status(Optional.empty());
        Optional<GateReport> registry = nodes(engine, report);
        boolean lockHeld = report.checks().map(c -> c.checks().stream()
                .anyMatch(check -> check.id() == org.dbcreator.engine.PreflightCheck.Id.OPERATOR_LOCK && check.isRed())).orElse(false);
        Optional<org.dbcreator.engine.RunProgress> otherRun = lockHeld ? engine.runProgress() : Optional.empty();
        return new DatabaseStatus(report, registry, Duration.ofNanos(System.nanoTime() - start), otherRun);
    }

    /** The registry, once the schema holds it; a foreign database's report goes without (its findings say why). */
    private static Optional<GateReport> nodes(DbCreator engine, StatusReport report) {
        if (report.condition() != StatusReport.Condition.MANAGED || report.schemaVersion().isEmpty()) {
            return Optional.empty();
        }
        try {
            // a clean database's nodes are judged against the newest release it allows, not a cleanup's target
            return engine.nodes(report.phase().filter(p -> p == org.dbcreator.history.Phase.CLEAN)
                    .flatMap(p -> report.highestRelease()));
        } catch (DbCreatorException unreadable) {
            if (report.findings().isEmpty()) {
                throw unreadable;
            }
            return Optional.empty();
        }
    }

    @Override
    public ExportedReport exportReport(Path html, boolean replace) {
        if (engine == null) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "No database is open: connect first.");
        }
        Path json = ExportedReport.jsonBeside(html.toAbsolutePath().normalize());
        ReportFile.requireWritable(html, replace); // before reading: a bad file costs no round trip
        ReportFile.requireWritable(json, replace);
        SupportReport report = engine.report(Optional.empty());
        Path writtenHtml = ReportFile.write(html, HtmlReport.render(report), replace);
        Path writtenJson = ReportFile.write(json, JsonReport.render(report), replace);
        LOG.info("Report written to {} and {}", writtenHtml, writtenJson);
        return new ExportedReport(writtenHtml, writtenJson, size(writtenHtml) + size(writtenJson),
                report.gaps().stream().map(SupportReport.Gap::fact).toList());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public ConnectedDatabase startDemo(int nodeCount, ProgressListener progress) {
        if (demo != null) {
            throw new DbCreatorException(ErrorCode.DEMO_ALREADY_RUNNING, "This window already runs the demo server.");
        }
        disconnect();
        DemoRequest request = new DemoRequest(folders, catalog(), Optional.empty(), 0, false, OptionalLong.empty(),
                SampleSize.DEFAULT_SEED);
        demo = DbCreator.startDemo(request, event -> {
            log.onEvent(event);
            progress.onEvent(event);
        });
        Version release = demo.status().highestRelease().orElse(catalog().baselineVersion());
        demo.beforeStop(this::stopNodes);
        ConnectionSettings settings = demo.applicationSettings();
        this.settings = settings;
        engine = DbCreator.connect(catalog(), settings, this::progress);
        startDemoNodes(nodeCount, release);
        return new ConnectedDatabase(settings.host(), settings.port(), settings.database(), settings.user(),
                settings.tlsMode(), Optional.empty(), server(engine), Optional.of(demo.profileFile().toString()),
                Optional.of("demo"));
    }

    @Override
    public List<Version> releases() {
        List<Version> newestFirst = new ArrayList<>(catalog().versions());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public OptionalLong sampleRowsTotal(long sampleRows) {
        return DbCreator.sampleRows(catalog(), new SampleSize(sampleRows, SampleSize.DEFAULT_SEED));
    }

    /** Runs on a connection of its own, so that its progress reaches the page as well as the log. */
    @Override
    public DeployResult deploy(Version release, long sampleRows, ProgressListener progress, Cancellation cancellation) {
        requireOpen();
        ProgressListener both = event -> {
            log.onEvent(event);
            progress.onEvent(event);
        };
        try (DbCreator deploying = DbCreator.connect(catalog(), settings, both)) {
            return deploying.deploy(Optional.of(release), new SampleSize(sampleRows, SampleSize.DEFAULT_SEED),
                    cancellation);
        }
    }

    /**
     * Starts {@code count} demo nodes of {@code release} (demo-node-1, ...) against the open database,
     * as the demo does; they stop when the service closes. For the demo and for tests of the node pages.
     */
    public void startDemoNodes(int count, Version release) {
        requireOpen();
        for (int i = 1; i <= count; i++) {
            DemoNode.Options options = new DemoNode.Options("demo-node-" + i, release, NODE_RATE, Duration.ofSeconds(1));
            nodes.add(DbCreator.startNode(catalog(), settings, options, acknowledged::add));
        }
    }

    @Override
    public List<BackupRecord> recentBackups() {
        requireOpen();
        StatusReport.Condition condition = engine.status(Optional.empty()).condition();
        if (condition != StatusReport.Condition.MANAGED) {
            return List.of();
        }
        return engine.report(Optional.empty()).recentBackups();
    }

    @Override
    public NodeBoard nodes() {
        synchronized (pollLock) {
            requireOpen();
            if (pollEngine == null) {
                pollEngine = DbCreator.connect(catalog(), settings, ProgressListener.NONE);
            }
            Optional<DatabaseState> state = pollEngine.state();
            Optional<GateReport> gate = state.flatMap(s -> pollEngine.nodes(s.targetVersion(), Set.copyOf(excluded)));
            return new NodeBoard(state, gate, excluded, demoNodes());
        }
    }

    @Override
    public NodeBoard excludeNode(String name, String typedName) {
        if (!name.equals(typedName == null ? "" : typedName.strip())) {
            throw new DbCreatorException(ErrorCode.CONFIRMATION_REQUIRED, "To exclude node '" + name + "', type its"
                    + " name exactly; '" + (typedName == null ? "" : typedName.strip()) + "' is not it. Nothing was excluded.");
        }
        synchronized (pollLock) {
            NodeBoard now = nodes();
            Version target = now.state().map(DatabaseState::targetVersion).orElseThrow(() -> new DbCreatorException(
                    ErrorCode.DATABASE_NOT_MANAGED, "DatabaseCreator does not manage this database: it has no node gate."));
            Set<String> with = new java.util.HashSet<>(excluded);
            with.add(name);
            pollEngine.nodes(target, with); // refuses a live or unknown node, changing nothing
            excluded.add(name);
        }
        LOG.info("Node {} excluded from the cleanup gate in the wizard; the cleanup records it", name);
        return nodes();
    }

    @Override
    public Optional<String> restartInstructions() {
        return catalog().manifest().nodes().flatMap(NodeRegistry::restartInstructions);
    }

    @Override
    public CleanupPlan cleanupPreview() {
        requireOpen();
        UpgradeResult dryRun = engine.cleanup(cleanupRequest(true));
        List<String> statements = dryRun.preview().map(p -> p.items().stream().filter(i -> !i.applied())
                .flatMap(i -> i.statements().stream().filter(st -> !st.done()).map(st -> st.sql())).toList())
                .orElse(List.of());
        return new CleanupPlan(dryRun.database(), dryRun.from(), dryRun.to(), statements, dryRun.checks());
    }

    @Override
    public UpgradeResult cleanup(ProgressListener progress, Cancellation cancellation) {
        requireOpen();
        callProgress = progress;
        try {
            UpgradeResult result = engine.cleanup(cleanupRequest(false), cancellation);
            excluded.clear(); // recorded by the cleanup; a next upgrade judges its nodes afresh
            return result;
        } finally {
            callProgress = ProgressListener.NONE;
        }
    }

    private CleanupRequest cleanupRequest(boolean dryRun) {
        return new CleanupRequest(false, dryRun, excluded, !excluded.isEmpty(), Optional.empty());
    }

    @Override
    public RollbackPlan rollbackPreview() {
        requireOpen();
        UpgradeResult dryRun;
        try {
            dryRun = engine.rollback(rollbackRequest(true, false), Cancellation.none());
        } catch (DbCreatorException refused) {
            if (refused.code() != ErrorCode.INVALID_ARGUMENT || rollbackExcluded.isEmpty()) {
                throw refused;
            }
            // an excluded node is live again (or gone from the registry): it is no longer excluded
            LOG.info("Exclusions from the rollback gate withdrawn: {}", refused.getMessage());
            rollbackExcluded.clear();
            dryRun = engine.rollback(rollbackRequest(true, false), Cancellation.none());
        }
        List<String> statements = dryRun.preview().map(p -> p.items().stream().filter(i -> !i.applied())
                .flatMap(i -> i.statements().stream().filter(st -> !st.done()).map(st -> st.sql())).toList())
                .orElse(List.of());
        List<PreflightCheck> red = dryRun.checks().checks().stream().filter(PreflightCheck::isRed).toList();
        Optional<String> reason = red.isEmpty() ? Optional.empty()
                : Optional.of(red.stream().map(PreflightCheck::evidence).collect(java.util.stream.Collectors.joining(" ")));
        List<String> restart = red.stream().flatMap(c -> c.fix().stream())
                .filter(f -> f instanceof NextAction.RestartNodes).flatMap(f -> ((NextAction.RestartNodes) f).nodes().stream())
                .distinct().toList();
        Optional<String> backup = red.stream().flatMap(c -> c.fix().stream())
                .filter(f -> f instanceof NextAction.RestoreBackupInstead).map(f -> ((NextAction.RestoreBackupInstead) f).file())
                .findFirst();
        List<String> gone = red.stream().flatMap(c -> c.fix().stream())
                .filter(f -> f instanceof NextAction.RollbackExcluding)
                .flatMap(f -> ((NextAction.RollbackExcluding) f).nodes().stream()).distinct().toList();
        return new RollbackPlan(dryRun.database(), dryRun.from(), dryRun.to(), statements, reason, restart, backup,
                dryRun.checks(), dryRun.dataLost(), gone, Set.copyOf(rollbackExcluded), dryRun.lossAccepted());
    }

    /** The rollback with the nodes excluded in this window, confirmed (the typed name was their confirmation). */
    private RollbackRequest rollbackRequest(boolean dryRun, boolean acceptDataLoss) {
        RollbackRequest request = new RollbackRequest(Optional.empty(), dryRun, rollbackExcluded, !rollbackExcluded.isEmpty());
        return acceptDataLoss ? request.acceptingDataLoss() : request;
    }

    @Override
    public RollbackPlan excludeFromRollback(String name, String typedName) {
        requireOpen();
        String typed = typedName == null ? "" : typedName.strip();
        if (!name.equals(typed)) {
            throw new DbCreatorException(ErrorCode.CONFIRMATION_REQUIRED, "To exclude node '" + name + "', type its"
                    + " name exactly; '" + typed + "' is not it. Nothing was excluded.");
        }
        if (!rollbackPreview().excludable().contains(name)) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Node '" + name + "' does not keep the way back"
                    + " shut as a gone node: only a stale or stopped node of a newer release may be excluded. Nothing was excluded.");
        }
        rollbackExcluded.add(name);
        LOG.info("Node {} excluded from the rollback gate in the wizard; the rollback records it", name);
        return rollbackPreview();
    }

    @Override
    public UpgradeResult rollback(boolean acceptDataLoss, ProgressListener listener, Cancellation cancellation) {
        requireOpen();
        RollbackRequest request = rollbackRequest(false, acceptDataLoss);
        UpgradeResult done = reporting(listener, () -> engine.rollback(request, cancellation));
        rollbackExcluded.clear(); // recorded by the rollback; a next upgrade judges its nodes afresh
        return done;
    }

    @Override
    public List<String> demoNodes() {
        return nodes.stream().map(n -> n.options().name()).toList();
    }

    @Override
    public NodeBoard restartDemoNode(String name) {
        DemoNode old = demoNode(name);
        Version target = nodes().state().map(DatabaseState::targetVersion).orElse(old.options().release());
        return restartDemoNode(name, target);
    }

    @Override
    public NodeBoard restartDemoNode(String name, Version target) {
        DemoNode old = demoNode(name);
        stoppedNodes.add(old.stop().stats());
        DemoNode.Options options = new DemoNode.Options(name, target, old.options().ratePerSecond(),
                old.options().heartbeatInterval());
        DemoNode started = DbCreator.startNode(catalog(), settings, options, acknowledged::add);
        nodes.set(nodes.indexOf(old), started);
        LOG.info("Demo node {} restarted on {}", name, target);
        return nodes();
    }

    @Override
    public NodeBoard killDemoNode(String name) {
        demoNode(name).kill();
        LOG.info("Demo node {} killed", name);
        return nodes();
    }

    /** Every write the demo nodes of this window saw acknowledged so far, oldest first (for tests). */
    public List<NodeWrite> demoNodeWrites() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** Stops the demo nodes of this window (they report what they saw in {@link #demoNodeStats()}). */
    public void stopDemoNodes() {
        stopNodes();
    }

    /** What each demo node saw: those stopped (restarted, or the window closed) and those running now. */
    public List<NodeStats> demoNodeStats() {
        return Stream.concat(stoppedNodes.stream(), nodes.stream().map(DemoNode::stats)).toList();
    }

    private DemoNode demoNode(String name) {
        return nodes.stream().filter(n -> n.options().name().equals(name)).findFirst().orElseThrow(() ->
                new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "This window runs no demo node named '" + name + "'."));
    }

    private void requireOpen() {
        if (engine == null || settings == null) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "No database is open: connect first.");
        }
    }

    /** Every engine event goes to the log drawer, and to the page of the call under way. */
    private void progress(ProgressEvent event) {
        log.onEvent(event);
        callProgress.onEvent(event);
    }

    /** Runs {@code call} with {@code listener} told of the engine's progress. */
    private <T> T reporting(ProgressListener listener, java.util.function.Supplier<T> call) {
        callProgress = listener;
        try {
            return call.get();
        } finally {
            callProgress = ProgressListener.NONE;
        }
    }

    @Override
    public Path defaultBackupFolder() {
        return folders.data().resolve("backups");
    }

    @Override
    public long freeSpace(Path destination) {
        Path existing = destination.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return 0;
        }
        try {
            return Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Cannot tell the free space at " + existing + ": "
                    + e.getMessage());
        }
    }

    @Override
    public BackupSummary backup(Path destination, boolean restoreTest, ProgressListener listener,
            Cancellation cancellation) {
        TakenBackup taken = reporting(listener, () -> open().backup(BackupRequest.to(destination), restoreTest,
                cancellation));
        BackupResult b = taken.backup();
        long bytes = b.manifest().file().bytes();
        String how = taken.provedRestorable()
                ? "Read back and checked, then restored into a scratch database and compared table by table with its"
                        + " manifest (" + taken.restoreTest().map(VerifyResult::totalRows).orElse(0L) + " rows)."
                : "Read back and checked (checksum, completeness, rows per table); not restore-tested.";
        return new BackupSummary(b.files().dump(), bytes, b.manifest().tables().size(), b.manifest().rows(),
                taken.provedRestorable(), how, b.duration());
    }

    @Override
    public void recordOwnBackup(String typedDatabaseName) {
        open().recordOwnBackup(typedDatabaseName);
    }

    @Override
    public UpgradeResult expand(ExpandPace pace, ProgressListener listener, Cancellation cancellation) {
        return reporting(listener, () -> open().upgrade(Optional.empty(), false, BackupPolicy.defaults(),
                new BatchPace(pace.restRatio()), cancellation));
    }

    @Override
    public Optional<ExpandPosition> expandPosition() {
        return interruptedRun(Phase.EXPANDING).map(run -> {
            Optional<JournalEntry> last = run.journal().stream().filter(e -> e.outcome() == JournalEntry.Outcome.DONE
                    || e.outcome() == JournalEntry.Outcome.JUDGED_DONE).reduce((a, b) -> b);
            return new ExpandPosition(run.target(), last.map(JournalEntry::script), last.map(e -> e.index() + 1)
                    .orElse(0), last.map(e -> e.line() == 0).orElse(false));
        });
    }

    @Override
    public Optional<CleanupPosition> cleanupPosition() {
        // only the cleanup's own scripts: a cleanup stopped before its first statement leaves the expand's run last
        Catalog catalog = catalog();
        Set<String> cleanupScripts = catalog.manifest().steps().stream().map(s -> catalog.cleanupScript(s).path())
                .collect(java.util.stream.Collectors.toSet());
        return interruptedRun(Phase.CLEANING).map(run -> {
            Optional<JournalEntry> last = run.journal().stream()
                    .filter(e -> e.isDone() && cleanupScripts.contains(e.script())).reduce((a, b) -> b);
            return new CleanupPosition(run.target(), last.map(JournalEntry::script), last.map(e -> e.index() + 1).orElse(0));
        });
    }

    /** A run the database's state says is under way in {@code phase}: the release it goes to, and its journal. */
    private record InterruptedRun(Version target, List<JournalEntry> journal) {}

    private Optional<InterruptedRun> interruptedRun(Phase phase) {
        SupportReport report = open().report(Optional.empty());
        return report.status().filter(s -> s.phase().orElse(null) == phase)
                .map(s -> new InterruptedRun(s.phaseTarget().orElse(s.targetVersion()), report.lastRunJournal()));
    }

    private DbCreator open() {
        if (engine == null) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "No database is open: connect first.");
        }
        return engine;
    }

    private ConnectionSettings settings(ConnectionRequest request) {
        return new ConnectionSettings(request.host(), request.port(), request.database(), request.user(),
                password(request), request.tlsMode(), request.caFile());
    }

    /** The typed password, else where the chosen profile keeps it, else none. */
    private Secret password(ConnectionRequest request) {
        if (!request.password().isEmpty() || request.profile().isEmpty()) {
            return request.password();
        }
        ConnectionProfile profile = request.profile().get().profile();
        if (profile.passwordFile().isPresent()) {
            Path file = profile.passwordFile().get();
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int end = content.indexOf('\n');
                String line = end < 0 ? content : content.substring(0, end);
                return Secret.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } catch (IOException e) {
                throw new DbCreatorException(ErrorCode.PASSWORD_UNAVAILABLE, "The password file " + file
                        + " named in the profile cannot be read (" + e.getClass().getSimpleName() + ").");
            }
        }
        return profile.passwordEnv().map(env::get).map(Secret::of).orElse(Secret.empty());
    }

    private static String server(DbCreator engine) {
        ServerInfo info = engine.database().server();
        String flavour = info.flavour() == ServerInfo.Flavour.MARIADB ? "MariaDB" : "MySQL";
        return flavour + " " + info.major() + "." + info.minor() + "." + info.patch();
    }

    private Catalog catalog() {
        if (catalog == null) {
            catalog = Catalog.bundled();
        }
        return catalog;
    }

    private void disconnect() {
        if (engine != null) {
            engine.close();
            engine = null;
            settings = null;
        }
        synchronized (pollLock) {
            if (pollEngine != null) {
                pollEngine.close();
                pollEngine = null;
            }
            excluded.clear();
            rollbackExcluded.clear();
        }
    }

    private void stopNodes() {
        nodes.forEach(n -> stoppedNodes.add(n.stop().stats()));
        nodes.clear();
    }

    @Override
    public void close() {
        stopNodes(); // demo nodes started beside any database stop with the window, not only the demo server's
        disconnect();
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }
}
