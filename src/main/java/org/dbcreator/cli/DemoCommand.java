package org.dbcreator.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.DemoRequest;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.RunningDemo;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", description = {
        "Start a private embedded MariaDB server, deploy the demo database into it and keep it running",
        "until Ctrl-C. Nothing to install; data stays in your user folder for the next run."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Option(names = "--target", paramLabel = "VERSION", description = "Release to deploy into a fresh database"
            + " (default: the oldest, so that an upgrade can be tried). A database deployed by an earlier run stays"
            + " at its version unless this is given.")
    String version;

    @Option(names = "--port", defaultValue = "0",
            description = "Port for the server (default: the previous run's if free, else a free one).")
    int port;

    @Option(names = "--sample-rows", paramLabel = "N",
            description = "Sample rows for a fresh database (default: " + DemoRequest.DEFAULT_ROWS
                    + " when the catalog has a sample data generator).")
    Long rows;

    /** The option's name before it matched deploy's; kept so that existing scripts work. */
    @Option(names = "--rows", paramLabel = "N", hidden = true)
    void rows(long n) {
        rows = n;
    }

    @Option(names = "--seed", defaultValue = "" + SampleSize.DEFAULT_SEED,
            description = "Seed of the sample data; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reset", description = "Delete the demo's data (and its account) first, and start over.")
    boolean reset;

    @Option(names = "--no-wait", description = "Stop the server and exit once the database is ready.")
    boolean noWait;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "0", description = "Also run N demo nodes of the"
            + " database's release (as 'dbcreator demo-node' does) until Ctrl-C, then print their reports (default: none).")
    int nodes;

    @Option(names = "--catalog", paramLabel = "DIR", description = "Read the catalog from this folder instead of the bundled one.")
    Path catalogDirectory;

    @picocli.CommandLine.Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = main.context();
        PrintStream out = context.out();
        refuseBadNodeCount();
        if (output.json && !noWait) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "--json reports a demo that is ready and then"
                    + " stops: add --no-wait.");
        }
        if (rows != null && rows < 0) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "--sample-rows " + rows + " is negative; give 0 for"
                    + " no sample data.");
        }
        Catalog catalog = catalogDirectory == null ? Catalog.bundled() : Catalog.fromDirectory(catalogDirectory);
        DemoRequest request = new DemoRequest(context.folders(), catalog, Optional.ofNullable(version).map(Versions::parse),
                port, reset, rows == null ? OptionalLong.empty() : OptionalLong.of(rows), seed);
        try (RunningDemo demo = DbCreator.startDemo(request, new ProgressPrinter(output.progress(context)),
                context.cancellation())) {
            NextSteps steps = NextSteps.of(context, Map.of("--profile", demo.profileFile().toString()));
            if (output.json) {
                out.println(JsonOutput.of(json(demo, steps)));
                return 0;
            }
            out.println();
            out.print(StatusRendering.text(demo.status(), ZoneId.systemDefault(), steps));
            out.println();
            printHowToConnect(out, demo, steps);
            if (!noWait) {
                DemoNodes running = DemoNodes.start(demo, catalog, nodes, out, steps);
                out.println();
                out.println("The server runs until you press Ctrl-C.");
                context.stop().await();
                running.stop();
            }
        }
        return 0;
    }

    /** The demo's status and how to connect to it; the password stays in its file. */
    private static Map<String, Object> json(RunningDemo demo, NextSteps steps) {
        return json(connection(demo), demo.deployed(), demo.status(), steps);
    }

    static Map<String, Object> json(Map<String, Object> connection, Optional<DeployResult> deployed, StatusReport status,
            NextSteps steps) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("operation", "demo");
        m.put("deployed", deployed.map(ResultJson::deploy).orElse(null));
        m.put("connection", connection);
        m.put("status", StatusRendering.tree(status, Optional.empty(), steps));
        return m;
    }

    private static Map<String, Object> connection(RunningDemo demo) {
        Map<String, Object> connection = new java.util.LinkedHashMap<>();
        connection.put("host", demo.host());
        connection.put("port", demo.port());
        connection.put("database", demo.database());
        connection.put("user", demo.account().user());
        connection.put("passwordFile", demo.account().passwordFile().toString());
        connection.put("profileFile", demo.profileFile().toString());
        connection.put("certificate", demo.certificate().toString());
        return connection;
    }

    private void refuseBadNodeCount() {
        if (nodes < 0 || nodes > DemoNodes.MAX) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "--nodes " + nodes + " is out of range: give 0 to "
                    + DemoNodes.MAX + ".");
        }
        if (nodes > 0 && noWait) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "--nodes runs nodes until Ctrl-C, which --no-wait"
                    + " skips: leave out one of them.");
        }
    }

    private static void printHowToConnect(PrintStream out, RunningDemo demo, NextSteps steps) {
        out.println("The demo database is ready. Connect with:");
        out.println("  host      " + demo.host());
        out.println("  port      " + demo.port());
        out.println("  database  " + demo.database());
        out.println("  user      " + demo.account().user());
        // A generated password for a private server on 127.0.0.1: showing it is the point of a demo.
        out.println("  password  " + demo.account().password().reveal() + "   (kept in "
                + demo.account().passwordFile() + ", readable by you only)");
        out.println("  tls       to verify the server, add --tls-mode VERIFY_IDENTITY --tls-ca " + demo.certificate());
        out.println();
        out.println("Try:");
        out.println("  " + steps.command("status"));
        out.println("  " + demo.client() + " -h " + demo.host() + " -P " + demo.port() + " -u "
                + demo.account().user() + " -p " + demo.database());
        out.println("  (or any mysql/mariadb client; -p asks for the password above)");
    }
}
