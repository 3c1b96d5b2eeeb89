package org.dbcreator.cli;

import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.error.DbCreatorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Show the database's version state, the planned steps and the history. Read-only.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--target", paramLabel = "VERSION", description = "Target release to plan for (default: the latest).")
    String version;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        try (DbCreator engine = connection.connect(context, ProgressListener.NONE)) {
            StatusReport report = engine.status(Optional.ofNullable(version).map(Versions::parse));
            NextSteps steps = NextSteps.of(context, connection.given());
            context.out().print(output.json ? StatusRendering.json(report, nodes(engine, report), steps) + "\n"
                    : StatusRendering.text(report, ZoneId.systemDefault(), steps));
        }
        return 0;
    }

    /**
     * The registry, read once the schema holds it (a deployed database). A database of another
     * product may have no such table: its report then goes without nodes, as its findings say why.
     */
    private static Optional<GateReport> nodes(DbCreator engine, StatusReport report) {
        if (report.condition() != StatusReport.Condition.MANAGED || report.schemaVersion().isEmpty()) {
            return Optional.empty();
        }
        try {
            return engine.nodes(Optional.empty());
        } catch (DbCreatorException unreadable) {
            if (report.findings().isEmpty()) {
                throw unreadable; // a database of this product whose registry cannot be read: say so
            }
            return Optional.empty();
        }
    }
}
