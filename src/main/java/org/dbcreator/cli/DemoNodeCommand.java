package org.dbcreator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.cluster.NodeReport;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo-node", description = {
        "Run a stand-in for one of the product's management-server nodes at a given release: it registers in the",
        "node registry, heartbeats every second and reads and writes every table an upgrade changes, the way that",
        "release does. Ctrl-C marks it down and prints its report (writes, errors, latency) as JSON; a killed node",
        "leaves its heartbeat to go stale. Exit code 81 when the release is, or becomes, outside the compatible range."})
final class DemoNodeCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--release", paramLabel = "VERSION", required = true, description = "The node's release.")
    String version;

    @Option(names = "--name", paramLabel = "NAME", description = "The node's name in the registry; a restarted node"
            + " keeps its name (default: demo-node-PID).")
    String name;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20",
            description = "Units of work per second, on a fixed schedule (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "TIME", converter = Durations.class,
            description = "Stop by itself after this long (e.g. 90s, 10m); default: run until Ctrl-C.")
    Duration duration;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to this file.")
    Path reportFile;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = main.context();
        refuseUnwritableReport();
        ConnectionOptions.Target target = connection.resolve(context);
        DemoNode.Options options = new DemoNode.Options(name != null ? name : "demo-node-" + ProcessHandle.current().pid(),
                Versions.parse(version), rate, Duration.ofSeconds(1));
        DemoNode node = DbCreator.startNode(target.catalog(), target.settings(), options, write -> {});
        Finisher finisher = new Finisher(node, context);
        Thread onCtrlC = new Thread(finisher::finish, "dbcreator-demo-node-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        context.err().println("Node " + options.name() + " of release " + options.release() + " runs against '"
                + target.settings().database() + "' on " + target.settings().host() + ":" + target.settings().port()
                + " (" + rate + " units of work per second). Ctrl-C stops it and prints its report.");
        Thread onStopSignal = new Thread(() -> awaitStop(context, node), "dbcreator-demo-node-wait");
        onStopSignal.setDaemon(true);
        onStopSignal.start();
        node.awaitEnd(duration != null ? duration : Duration.ofDays(36_500));
        NodeReport report = finisher.finish();
        removeHook(onCtrlC);
        if (report.ending() == DemoNode.Ending.SHUT_OUT) {
            context.err().println("error " + ErrorCode.NODE_NOT_ALLOWED + ": node " + options.name() + " stopped because "
                    + report.reason() + ". " + ErrorCode.NODE_NOT_ALLOWED.advice());
            return ErrorCode.NODE_NOT_ALLOWED.exitCode();
        }
        return 0;
    }

    /** Checked before the node registers: a bad path must change nothing. */
    private void refuseUnwritableReport() {
        if (reportFile == null) {
            return;
        }
        Path folder = reportFile.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder) || Files.isDirectory(reportFile)) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report cannot be written to " + reportFile
                    + ". Give a --report path in a folder you can write to.");
        }
    }

    /** The first Ctrl-C on a terminal, or its in-process stand-in (tests); a second Ctrl-C runs the shutdown hook. */
    private static void awaitStop(CliContext context, DemoNode node) {
        try {
            context.stop().await();
            node.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: it printed the report
        }
    }

    /** Stops the node once and prints its report once, whoever gets there first: Ctrl-C or the command's end. */
    private final class Finisher {
        private final DemoNode node;
        private final CliContext context;
        private final AtomicBoolean printed = new AtomicBoolean();

        Finisher(DemoNode node, CliContext context) {
            this.node = node;
            this.context = context;
        }

        /**
         * Synchronized so that whoever comes second waits until the report is out: when Ctrl-C
         * stops the JVM, it halts once the shutdown hook returns, even mid-way through a print of
         * the command's own thread.
         */
        synchronized NodeReport finish() {
            NodeReport report = node.stop();
            if (printed.compareAndSet(false, true)) {
                String json = NodeReportRendering.json(report);
                context.out().println(json);
                if (reportFile != null) {
                    write(json);
                }
            }
            return report;
        }

        private void write(String json) {
            try {
                Files.writeString(reportFile, json + "\n");
            } catch (IOException e) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report could not be written to " + reportFile
                        + ": " + e.getMessage() + ". Give a --report path in a folder you can write to.", e);
            }
        }
    }
}
