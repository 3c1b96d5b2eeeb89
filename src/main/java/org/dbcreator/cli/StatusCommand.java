package org.dbcreator.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.ProgressListener;
import org.dbcreator.engine.StatusReport;
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

    @Option(names = "--version", paramLabel = "VERSION", description = "Target release to plan for (default: the latest).")
    String version;

    @Option(names = "--json", description = "Print the report as JSON, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = main.context();
        try (DbCreator engine = connection.connect(context, ProgressListener.NONE)) {
            StatusReport report = engine.status(Optional.ofNullable(version).map(Versions::parse));
            context.out().print(json ? StatusRendering.json(report) + "\n" : StatusRendering.text(report));
        }
        return 0;
    }
}
