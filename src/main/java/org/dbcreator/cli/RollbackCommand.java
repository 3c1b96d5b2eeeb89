package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.RollbackRequest;
import org.dbcreator.engine.UpgradeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback", description = {
        "Abort a rolling upgrade before its cleanup: run the rollback scripts of the expanded steps, newest first,",
        "back to the release the expand started from. Writes made meanwhile stay; nodes newer than that release",
        "must be restarted on it first."})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--target", paramLabel = "VERSION",
            description = "Return to this release, between the one the expand started from and the one it reached.")
    String target;

    @Option(names = "--exclude-node", paramLabel = "NAME",
            description = "Leave out a stale node of a newer release (crashed, gone for good) from the node gate. Repeatable.")
    Set<String> excludedNodes = new TreeSet<>();

    @Option(names = "--confirm-exclusion", description = "Confirm the exclusions; they are recorded with your name.")
    boolean exclusionConfirmed;

    @Option(names = "--accept-data-loss", description = {"Roll back although it drops data only the newer release wrote",
            "(the dry run and the refusal list the tables and columns and their rows). Recorded with your name."})
    boolean acceptDataLoss;

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
            UpgradeResult result = engine.rollback(new RollbackRequest(Optional.ofNullable(target).map(Versions::parse), dryRun, excludedNodes,
                    exclusionConfirmed, acceptDataLoss), context.cancellation());
            out.print(output.json ? JsonOutput.of(ResultJson.upgrade(result, steps)) + "\n"
                    : dryRun ? PlanRendering.text(result, steps) : Results.line(result));
            return dryRun ? Results.dryRunExit(result, context.err()) : 0;
        }
    }
}
