package org.dbcreator.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.BatchPace;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Page;
import org.dbcreator.ui.app.ShellViewModel;
import org.dbcreator.ui.app.WizardApp;
import org.dbcreator.ui.connect.ConnectViewModel;
import org.dbcreator.ui.expand.ExpandViewModel;
import org.dbcreator.ui.service.ExpandPace;

/**
 * The wizard during an expand (docs/benchmarks.md, "Wizard during an expand (issue 14)"): the real
 * window, in process, runs the expand of the sample database from its Expand page while three demo
 * nodes work against it; an {@link AnimationTimer} notes every JavaFX pulse, so the longest gap
 * between two pulses says how long the FX thread was kept from drawing. Beside it, the same expand
 * from the command line's path ({@code DbCreator.upgrade}, in process, the window idle) on a fresh
 * copy, so that the nodes' p99 of the two can be read side by side. Each round runs both, in turn
 * (the order alternates); each run deploys the oldest release with the sample rows into a database
 * of its own ({@code pulsebench_*}), dropped afterwards. Not a test; run it by hand:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *     org.dbcreator.bench.WizardExpandBenchmark 127.0.0.1:3306 --rounds 3 --rows 100000 --nodes 3 --rate 20</pre>
 *
 * {@code --only wizard} (or {@code cli}) runs one of the two, e.g. under a profiler. The nodes run in
 * a JVM of their own, as a product's nodes are processes of their own ({@link ForkedNodes});
 * {@code --nodes-in process} runs them in this JVM instead, where the window's garbage collections
 * pause them too. {@code --nodes-cpus 0} starts their JVM on those cores only (taskset), e.g. to keep the
 * window's cores apart from the server's and the nodes'.
 *
 * <p>Root (or DBCREATOR_USER) with DBCREATOR_PASSWORD (default empty), TLS off. Without a display
 * (no DISPLAY) it draws headless through Monocle, as the wizard's tests do.
 */
public final class WizardExpandBenchmark {

    private static final String DB_PREFIX = "pulsebench_";
    private static final long WARM_UP_MILLIS = 5_000;
    private static final long BEFORE_MILLIS = 10_000;

    private final Catalog catalog = Catalog.bundled();
    private final ConnectionSettings admin;
    private final int nodes;
    private final double rate;
    private final long rows;
    private final ExpandPace pace = ExpandPace.BALANCED;
    private boolean forkNodes = true;
    private String nodesCpus = "";
    private ShellViewModel model;
    private PulseRecorder pulses;

    /** One run's figures: the nodes' before and during the expand, and the window's pulses (idle on Welcome for the CLI). */
    record Run(String how, int round, double expandSeconds, PhaseFigures before, PhaseFigures during,
            Optional<PulseRecorder.Figures> pulses) {}

    private WizardExpandBenchmark(ConnectionSettings admin, int nodes, double rate, long rows) {
        this.admin = admin;
        this.nodes = nodes;
        this.rate = rate;
        this.rows = rows;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String server = "127.0.0.1:3306";
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                server = args[i];
            }
        }
        String[] hostPort = server.split(":");
        ConnectionSettings admin = new ConnectionSettings(hostPort[0], Integer.parseInt(hostPort[1]), "mysql",
                System.getenv().getOrDefault("DBCREATOR_USER", "root"),
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.DISABLED, Optional.empty());
        WizardExpandBenchmark bench = new WizardExpandBenchmark(admin, Integer.parseInt(options.getOrDefault("nodes", "3")),
                Double.parseDouble(options.getOrDefault("rate", "20")), Long.parseLong(options.getOrDefault("rows", "100000")));
        bench.forkNodes = !"process".equals(options.getOrDefault("nodes-in", "fork"));
        bench.nodesCpus = options.getOrDefault("nodes-cpus", "");
        bench.openWindow();
        CpuByThread.serverPid = bench.serverPid();
        List<Run> runs = new ArrayList<>();
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        for (int round = 1; round <= rounds; round++) {
            boolean wizardFirst = round % 2 == 1;
            for (boolean wizard : new boolean[] {wizardFirst, !wizardFirst}) {
                if (!options.containsKey("only") || options.get("only").equals(wizard ? "wizard" : "cli")) {
                    runs.add(bench.run(round, wizard));
                }
            }
        }
        summary(runs);
        Platform.exit();
        System.exit(0);
    }

    private void openWindow() throws Exception {
        boolean headless = System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank();
        if (headless && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DBCREATOR_HOME", Files.createTempDirectory("pulsebench-home").toString()); // no profiles of the user's
        CompletableFuture<ShellViewModel> started = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            WizardApp app = WizardApp.create(env);
            Stage stage = new Stage();
            app.show(stage, new WizardRequest(false, Optional.empty(), Map.of()));
            stage.setWidth(1100);
            stage.setHeight(760);
            started.complete(app.model());
        });
        model = started.get(60, TimeUnit.SECONDS);
        pulses = onFx(PulseRecorder::new).get();
        System.out.printf("drawing through %s; %d nodes at %.0f units/s each, %s; %,d sample rows; pace %s (rest ratio %.2f);"
                + " load average %s; %d cores%n", headless ? "Monocle (headless, software)" : "the display "
                + System.getenv("DISPLAY"), nodes, rate, forkNodes ? "in a JVM of their own" : "in this JVM", rows, pace, pace.restRatio(), NodesDuringUpgrade.loadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private Run run(int round, boolean wizard) throws Exception {
        String how = wizard ? "wizard" : "cli";
        ConnectionSettings settings = admin.withDatabase(DB_PREFIX + how + "_" + round);
        String loadBefore = NodesDuringUpgrade.loadAverage();
        execute("DROP DATABASE IF EXISTS " + settings.database());
        long deployStart = System.nanoTime();
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            engine.deploy(Optional.of(catalog.baselineVersion()), new SampleSize(rows, SampleSize.DEFAULT_SEED));
            // the expand needs a backup in the history: the admin's own, as the Backup page records it
            engine.recordOwnBackup(settings.database());
        }
        System.out.printf("%nround %d, %s: load average %s; deployed %s with %,d sample rows in %.1f s%n", round, how,
                loadBefore, catalog.baselineVersion(), rows, (System.nanoTime() - deployStart) / 1e9);
        if (wizard) {
            openExpandPage(settings);
        }
        NodeCluster cluster = forkNodes ? ForkedNodes.start(settings, catalog.baselineVersion(), nodes, rate, nodesCpus)
                : BenchNodes.start(catalog, settings, catalog.baselineVersion(), nodes, rate, new HashMap<>());
        Thread.sleep(WARM_UP_MILLIS);
        cluster.takeIntervals();
        long[] gc = cluster.gcSoFar();
        long from = System.nanoTime();
        Thread.sleep(BEFORE_MILLIS);
        long to = System.nanoTime();
        PhaseFigures before = PhaseFigures.of("before", from, to, cluster.units(from, to), cluster.takeIntervals(), gc,
                cluster.gcSoFar());

        gc = cluster.gcSoFar();
        Optional<PulseRecorder.Figures> pulseFigures = Optional.empty();
        CpuByThread cpu = CpuByThread.now();
        long nodesCpu = cluster instanceof ForkedNodes forked ? forked.cpuMillis() : 0;
        long start = System.nanoTime();
        String outcome;
        if (wizard) {
            ExpandViewModel expand = model.expand();
            CompletableFuture<ExpandViewModel.State> ended = new CompletableFuture<>();
            onFx(() -> {
                pulses.start();
                expand.stateProperty().addListener((o, was, now) -> {
                    if (now == ExpandViewModel.State.EXPANDED || now == ExpandViewModel.State.FAILED
                            || now == ExpandViewModel.State.STOPPED) {
                        ended.complete(now);
                    }
                });
                model.primary(); // the page's primary action: Start expand
                return null;
            }).get();
            ExpandViewModel.State state = ended.get(30, TimeUnit.MINUTES);
            pulseFigures = Optional.of(onFx(pulses::stop).get());
            outcome = state + ": " + onFx(() -> expand.outcomeProperty().get()).get();
            if (state != ExpandViewModel.State.EXPANDED) {
                throw new IllegalStateException("the wizard's expand ended " + outcome);
            }
        } else {
            onFx(() -> {
                pulses.start(); // the window idle on Welcome: what the machine alone does to the pulses
                return null;
            }).get();
            try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
                UpgradeResult result = engine.upgrade(Optional.empty(), false, BackupPolicy.defaults(),
                        new BatchPace(pace.restRatio()));
                outcome = result.outcome() + ": " + result.from() + " -> " + result.to() + ", " + result.applied()
                        + " applied";
            }
            pulseFigures = Optional.of(onFx(pulses::stop).get());
        }
        long end = System.nanoTime();
        String cpuDuring = cpu.since() + (cluster instanceof ForkedNodes forked
                ? "; the nodes' JVM " + (forked.cpuMillis() - nodesCpu) + " ms" : "");
        PhaseFigures during = PhaseFigures.of("during expand", start, end, cluster.units(start, end),
                cluster.takeIntervals(), gc, cluster.gcSoFar());
        cluster.stop().forEach(e -> System.out.println("  ! " + e));
        if (wizard) {
            onFx(() -> {
                model.showWelcome();
                return null;
            }).get();
        }
        execute("DROP DATABASE " + settings.database());
        Run run = new Run(how, round, (end - start) / 1e9, before, during, pulseFigures);
        System.out.printf("  expand %s in %.1f s (%s)%n", how, run.expandSeconds(), outcome);
        print("  nodes before", before);
        print("  nodes during", during);
        pulseFigures.ifPresent(p -> System.out.println("  pulses: " + p));
        System.out.println("  CPU during the expand: " + cpuDuring);
        return run;
    }

    /** Connects the window to the database as an operator would, and opens the Expand page (READY). */
    private void openExpandPage(ConnectionSettings settings) throws Exception {
        onFx(() -> {
            model.showConnect(Journey.UPGRADE, Optional.empty());
            ConnectViewModel connect = model.connect();
            connect.hostProperty().set(settings.host());
            connect.portProperty().set(String.valueOf(settings.port()));
            connect.userProperty().set(settings.user());
            connect.passwordProperty().set(settings.password().reveal());
            connect.tlsModeProperty().set(TlsMode.DISABLED);
            connect.databaseProperty().set(settings.database());
            connect.connect();
            return null;
        }).get();
        await(() -> model.pageProperty().get() == Page.STATUS && !model.status().busyProperty().get()
                && model.status().statusProperty().get() != null || model.errorProperty().get() != null);
        onFx(() -> {
            model.showExpand();
            return null;
        }).get();
        await(() -> model.expand().stateProperty().get() != ExpandViewModel.State.LOADING
                || model.errorProperty().get() != null);
        ExpandViewModel.State state = onFx(() -> model.expand().stateProperty().get()).get();
        if (model.errorProperty().get() != null || state != ExpandViewModel.State.READY) {
            throw new IllegalStateException("the Expand page is not ready: " + state + ", "
                    + Optional.ofNullable(model.errorProperty().get()).map(e -> e.message()).orElse("no error"));
        }
    }

    private static void print(String label, PhaseFigures f) {
        System.out.printf("%s: %.1f s, %d units, %d writes, %d errors, merged p50 %.1f p99 %.1f max %.1f ms,"
                + " nodes' own p99 (median node) %.1f ms, GC %d pauses %d ms%n", label, f.seconds(), f.units(),
                f.writes(), f.errors(), f.p50(), f.p99(), f.max(), f.nodesMedianP99(), f.gcPauses(), f.gcMillis());
    }

    private static void summary(List<Run> runs) {
        System.out.printf("%n== medians over the rounds (range) ==%n");
        for (String how : List.of("wizard", "cli")) {
            List<Run> mine = runs.stream().filter(r -> r.how().equals(how)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            System.out.printf("%s: expand %s s; nodes p99 before %s ms, during %s ms (nodes' own, median node: %s ms);"
                    + " max during %s ms; errors %d%n", how,
                    range(mine.stream().mapToDouble(Run::expandSeconds).toArray()),
                    range(mine.stream().mapToDouble(r -> r.before().p99()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.during().p99()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.during().nodesMedianP99()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.during().max()).toArray()),
                    mine.stream().mapToLong(r -> r.during().errors()).sum());
            System.out.printf("  pulses (%s): max gap %s ms, p99 gap %s ms, %s pulses/s, gaps over 100 ms %s; in them"
                    + " the FX thread ran %s ms, the renderer %s ms, of %s ms; FX thread busy %s%%%n",
                    how.equals("wizard") ? "the Expand page running" : "the window idle on Welcome",
                    range(mine.stream().mapToDouble(r -> r.pulses().orElseThrow().maxGapMillis()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.pulses().orElseThrow().p99GapMillis()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.pulses().orElseThrow().perSecond()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.pulses().orElseThrow().over100()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.pulses().orElseThrow().fxCpuInLongMillis()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.pulses().orElseThrow().renderCpuInLongMillis()).toArray()),
                    range(mine.stream().mapToDouble(r -> r.pulses().orElseThrow().longGapsMillis()).toArray()),
                    range(mine.stream().mapToDouble(r -> 100 * r.pulses().orElseThrow().fxCpuShare()).toArray()));
        }
    }

    private static String range(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return String.format("%.1f (%.1f–%.1f)", PhaseFigures.median(values), sorted[0], sorted[sorted.length - 1]);
    }

    /** The server's process id from its pid file, when the server runs on this machine; else -1. */
    private long serverPid() {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + admin.host() + ":" + admin.port()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", admin.user(), admin.password().reveal());
                Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT @@pid_file")) {
            r.next();
            return Long.parseLong(Files.readString(java.nio.file.Path.of(r.getString(1))).strip());
        } catch (Exception e) {
            return -1;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + admin.host() + ":" + admin.port()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", admin.user(), admin.password().reveal());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** What the window shows, for a run that got stuck. */
    private String where() {
        return "page " + model.pageProperty().get() + ", status busy " + model.status().busyProperty().get()
                + ", status read " + (model.status().statusProperty().get() != null) + ", connect busy "
                + model.connect().busyProperty().get() + ", error " + model.errorProperty().get();
    }

    private void await(BooleanSupplier onFxThread) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!onFx(onFxThread::getAsBoolean).get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not get there in 2 minutes: " + onFx(this::where).get());
            }
            Thread.sleep(50);
        }
    }

    static <T> CompletableFuture<T> onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Notes the time of every pulse while started (an {@link AnimationTimer}: it runs at the start of
     * each pulse, and while it runs the toolkit pulses at its full rate, 60 a second, whether or not
     * anything changed). A gap is the time between two pulses' starts: 16.7 ms when the FX thread
     * keeps up; whatever runs on the FX thread meanwhile (runLater work, layout, the render) adds to it.
     */
    static final class PulseRecorder {

        /**
         * {@code fxCpuInLongMillis}: CPU time the FX thread used within the gaps over 100 ms, and
         * {@code renderCpuInLongMillis} the renderer thread's; a long gap with little of either was
         * the operating system's doing (no core free), not the window's work.
         */
        record Figures(long pulses, double seconds, double maxGapMillis, double p99GapMillis, double p50GapMillis,
                long over100, double longGapsMillis, double fxCpuInLongMillis, double renderCpuInLongMillis,
                double fxQueuedInLongMillis, double renderQueuedInLongMillis, boolean queuedKnown,
                double fxCpuInMaxMillis, double fxCpuShare) {
            double perSecond() {
                return pulses / seconds;
            }

            @Override
            public String toString() {
                return String.format("%d pulses in %.1f s (%.1f/s), gaps p50 %.1f p99 %.1f max %.1f ms (FX thread's CPU"
                        + " in it %.1f ms); %d over 100 ms, %.0f ms in all, of which the FX thread ran %.1f ms and the"
                        + " renderer %.1f ms; waiting for a core there: the FX thread %s ms, the renderer %s ms;"
                        + " FX thread busy %.1f%% of the time", pulses, seconds, perSecond(),
                        p50GapMillis, p99GapMillis, maxGapMillis, fxCpuInMaxMillis, over100, longGapsMillis,
                        fxCpuInLongMillis, renderCpuInLongMillis, queuedKnown ? String.format("%.1f", fxQueuedInLongMillis)
                        : "?", queuedKnown ? String.format("%.1f", renderQueuedInLongMillis) : "?", 100 * fxCpuShare);
            }
        }

        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final long renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        private final List<long[]> times = new ArrayList<>(); // {nanoTime, FX CPU, renderer CPU, FX queued, renderer queued}
        private final java.nio.file.Path fxSched = schedstat("Event Thread", "JavaFX Applicat");
        private final java.nio.file.Path rendererSched = schedstat("QuantumRenderer", "QuantumRenderer");
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                times.add(sample());
            }
        };
        private long[] started;

        private long[] sample() {
            return new long[] {System.nanoTime(), threads.getCurrentThreadCpuTime(),
                    renderer < 0 ? 0 : threads.getThreadCpuTime(renderer), queued(fxSched), queued(rendererSched)};
        }

        /**
         * The Linux task of the thread named so (the FX thread is "Event Thread" under Monocle), whose
         * schedstat's second field is the time it spent runnable but waiting for a core; null elsewhere.
         */
        private static java.nio.file.Path schedstat(String... names) {
            try (var tasks = Files.list(java.nio.file.Path.of("/proc/self/task"))) {
                return tasks.filter(t -> {
                    try {
                        String comm = Files.readString(t.resolve("comm")).strip();
                        return java.util.Arrays.stream(names).anyMatch(comm::startsWith);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }).findFirst().map(t -> t.resolve("schedstat")).orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        }

        private static long queued(java.nio.file.Path schedstat) {
            if (schedstat == null) {
                return 0;
            }
            try {
                return Long.parseLong(Files.readString(schedstat).split(" ")[1]);
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }

        void start() {
            times.clear();
            started = sample();
            timer.start();
        }

        Figures stop() {
            long[] stopped = sample();
            timer.stop();
            long[] gaps = new long[times.size()];
            long[] previous = started;
            long longGaps = 0;
            long fxInLong = 0;
            long renderInLong = 0;
            long fxQueuedInLong = 0;
            long renderQueuedInLong = 0;
            long max = 0;
            long fxInMax = 0;
            for (int i = 0; i < times.size(); i++) {
                long[] now = times.get(i);
                gaps[i] = now[0] - previous[0];
                if (gaps[i] > 100_000_000L) {
                    longGaps += gaps[i];
                    fxInLong += now[1] - previous[1];
                    renderInLong += now[2] - previous[2];
                    fxQueuedInLong += now[3] - previous[3];
                    renderQueuedInLong += now[4] - previous[4];
                }
                if (gaps[i] > max) {
                    max = gaps[i];
                    fxInMax = now[1] - previous[1];
                }
                previous = now;
            }
            long over = java.util.Arrays.stream(gaps).filter(g -> g > 100_000_000L).count();
            java.util.Arrays.sort(gaps);
            return new Figures(times.size(), (stopped[0] - started[0]) / 1e9, max / 1e6,
                    PhaseFigures.percentileMillis(gaps, 0.99), PhaseFigures.percentileMillis(gaps, 0.5), over,
                    longGaps / 1e6, fxInLong / 1e6, renderInLong / 1e6, fxQueuedInLong / 1e6, renderQueuedInLong / 1e6,
                    fxSched != null, fxInMax / 1e6,
                    (double) (stopped[1] - started[1]) / (stopped[0] - started[0]));
        }
    }
}
