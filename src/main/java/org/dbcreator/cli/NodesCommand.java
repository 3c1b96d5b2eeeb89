package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.ProgressListener;
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

    @Option(names = "--version", paramLabel = "VERSION",
            description = "Release the cleanup would go to (default: the one the database is expanded to, else the latest).")
    String version;

    @Override
    public Integer call() {
        CliContext context = main.context();
        try (DbCreator engine = connection.connect(context, ProgressListener.NONE)) {
            GateReport gate = engine.nodes(Optional.ofNullable(version).map(Versions::parse)).orElseThrow(() ->
                    new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The catalog of " + engine.catalog().product()
                            + " declares no node registry."));
            print(gate, context.out());
            return gate.isOpen() ? 0 : ErrorCode.NODES_NOT_READY.exitCode();
        }
    }

    private static void print(GateReport gate, PrintStream out) {
        out.printf("%-24s %-10s %-6s %10s  %-6s %s%n", "NODE", "RELEASE", "STATE", "HEARTBEAT", "", "CLEANUP TO " + gate.target());
        for (NodeStatus node : gate.nodes()) {
            out.printf("%-24s %-10s %-6s %9.1fs  %-6s %s%n", node.name(), node.release(), node.state(),
                    node.heartbeatAge().toMillis() / 1000.0, node.liveness().name().toLowerCase(),
                    node.blocker().map(reason -> "blocks: " + reason).orElse("ok"));
        }
        out.println(gate.isOpen() ? "The cleanup gate is open." : "The cleanup gate is shut by " + gate.blockers().size()
                + " node" + (gate.blockers().size() == 1 ? "." : "s."));
    }
}
