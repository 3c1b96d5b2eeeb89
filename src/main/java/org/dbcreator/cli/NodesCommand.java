package org.dbcreator.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "nodes", description = {
        "List the product's nodes: release, state, heartbeat age, live or stale, and whether each blocks the cleanup.",
        "Exit code 80 when the cleanup gate is shut, so scripts can wait on it."})
final class NodesCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--target", paramLabel = "VERSION",
            description = "Release the cleanup would go to (default: the one the database is expanded to, else the latest).")
    String version;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        try (DbCreator engine = connection.connect(context, ProgressListener.NONE)) {
            GateReport gate = engine.nodes(Optional.ofNullable(version).map(Versions::parse)).orElseThrow(() ->
                    new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The catalog of " + engine.catalog().product()
                            + " declares no node registry."));
            context.out().print(output.json ? JsonOutput.of(NodesRendering.json(gate)) + "\n" : NodesRendering.text(gate));
            return gate.isOpen() ? 0 : ErrorCode.NODES_NOT_READY.exitCode();
        }
    }
}
