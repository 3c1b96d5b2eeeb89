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
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.cluster.GateReport;
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
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.engine.ProbeReport;
import org.dbcreator.engine.DemoRequest;
import org.dbcreator.engine.RunningDemo;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
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

/** The wizard's engine calls over today's {@link DbCreator} facade. Not thread-safe: one executor thread calls it. */
public final class EngineWizardService implements WizardService {

    private static final Logger LOG = LoggerFactory.getLogger(EngineWizardService.class);
    private static final double NODE_RATE = 20;

    private final UserFolders folders;
    private final Map<String, String> env;
    private final ProgressListener log;
    private Catalog catalog;
    private DbCreator engine;
    private RunningDemo demo;
    private final List<DemoNode> nodes = new ArrayList<>();
    /** Where the running call's progress goes besides the log (the page that started it). */
    private volatile ProgressListener progress = ProgressListener.NONE;

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
        engine = DbCreator.connect(catalog(), settings(request), this::engineEvent);
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
        long start = System.nanoTime();
        StatusReport report = engine.status(Optional.empty());
        Optional<GateReport> registry = nodes(report);
        return new DatabaseStatus(report, registry, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The registry, once the schema holds it; a foreign database's report goes without (its findings say why). */
    private Optional<GateReport> nodes(StatusReport report) {
        if (report.condition() != StatusReport.Condition.MANAGED || report.schemaVersion().isEmpty()) {
            return Optional.empty();
        }
        try {
            return engine.nodes(Optional.empty());
        } catch (DbCreatorException unreadable) {
            if (report.findings().isEmpty()) {
                throw unreadable;
            }
            return Optional.empty();
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
        for (int i = 1; i <= nodeCount; i++) {
            DemoNode.Options options = new DemoNode.Options("demo-node-" + i, release, NODE_RATE, Duration.ofSeconds(1));
            nodes.add(DbCreator.startNode(catalog(), demo.applicationSettings(), options, write -> {}));
        }
        ConnectionSettings settings = demo.applicationSettings();
        engine = DbCreator.connect(catalog(), settings, this::engineEvent);
        return new ConnectedDatabase(settings.host(), settings.port(), settings.database(), settings.user(),
                settings.tlsMode(), Optional.empty(), server(engine), Optional.of(demo.profileFile().toString()),
                Optional.of("demo"));
    }

    private void engineEvent(ProgressEvent event) {
        log.onEvent(event);
        progress.onEvent(event);
    }

    /** Runs {@code call} with {@code listener} told of the engine's progress. */
    private <T> T reporting(ProgressListener listener, java.util.function.Supplier<T> call) {
        progress = listener;
        try {
            return call.get();
        } finally {
            progress = ProgressListener.NONE;
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
        SupportReport report = open().report(Optional.empty());
        Optional<StatusReport> status = report.status().filter(s -> s.phase().orElse(null) == Phase.EXPANDING);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Version target = status.get().phaseTarget().orElse(status.get().targetVersion());
        Optional<JournalEntry> last = report.lastRunJournal().stream()
                .filter(e -> e.outcome() == JournalEntry.Outcome.DONE || e.outcome() == JournalEntry.Outcome.JUDGED_DONE)
                .reduce((a, b) -> b);
        return Optional.of(new ExpandPosition(target, last.map(JournalEntry::script), last.map(e -> e.index() + 1)
                .orElse(0), last.map(e -> e.line() == 0).orElse(false)));
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
        }
    }

    private void stopNodes() {
        nodes.forEach(DemoNode::stop);
        nodes.clear();
    }

    @Override
    public void close() {
        disconnect();
        if (demo != null) {
            stopNodes();
            demo.close();
            demo = null;
        }
    }
}
