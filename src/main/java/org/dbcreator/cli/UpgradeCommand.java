package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.UpgradeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "upgrade", description = {
        "Expand: apply every backward-compatible expand script and data migration up to the target release.",
        "Nodes of the old release keep working. An interrupted upgrade resumes when run again."})
final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--version", paramLabel = "VERSION", description = "Target release (default: the latest).")
    String version;

    @Option(names = "--dry-run", description = "Print the checks and every statement that would run; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        CliContext context = main.context();
        PrintStream out = context.out();
        try (DbCreator engine = connection.connect(context, new ProgressPrinter(out))) {
            UpgradeResult result = engine.upgrade(Optional.ofNullable(version).map(Versions::parse), dryRun);
            out.print(dryRun ? PlanRendering.text(result) : Results.line(result));
        }
        return 0;
    }
}
