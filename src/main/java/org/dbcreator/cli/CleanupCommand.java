package org.dbcreator.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dbcreator.engine.CleanupRequest;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.UpgradeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "cleanup", description = {
        "Contract: apply the pending cleanup scripts of an expanded upgrade. Irreversible: it drops what only",
        "old releases need, so every node must run the target release first."})
final class CleanupCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--confirm-nodes-restarted", description = {
            "For a product without a node registry: confirm that every node now runs the target release."})
    boolean confirmed;

    @Option(names = "--exclude-node", paramLabel = "NAME",
            description = "Leave out a stale node (crashed, gone for good) from the node gate. Repeatable.")
    Set<String> excludedNodes = new TreeSet<>();

    @Option(names = "--confirm-exclusion", description = "Confirm the exclusions; they are recorded with your name.")
    boolean exclusionConfirmed;

    @Option(names = "--wait", paramLabel = "DURATION", arity = "0..1", fallbackValue = "30m", converter = Durations.class,
            description = "Wait until every node runs the target release (default 30m; e.g. 90s, 10m, 1h).")
    Duration waitFor;

    @Option(names = "--dry-run", description = "Print the checks and every statement that would run; write nothing.")
    boolean dryRun;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        PrintStream out = context.out();
        NextSteps steps = NextSteps.of(context, connection.given());
        try (DbCreator engine = connection.connect(context, new ProgressPrinter(output.progress(context), steps))) {
            UpgradeResult result = engine.cleanup(new CleanupRequest(confirmed, dryRun, excludedNodes, exclusionConfirmed,
                    Optional.ofNullable(waitFor)), context.cancellation());
            out.print(output.json ? JsonOutput.of(ResultJson.upgrade(result, steps)) + "\n"
                    : dryRun ? PlanRendering.text(result, steps) : Results.line(result));
            return dryRun ? Results.dryRunExit(result, context.err()) : 0;
        }
    }
}
