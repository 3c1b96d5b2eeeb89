package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
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

    @Option(names = "--confirm-nodes-restarted",
            description = "Confirm that every node now runs the target release and no older node will start.")
    boolean confirmed;

    @Option(names = "--dry-run", description = "Print the checks and every statement that would run; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        CliContext context = main.context();
        Catalog catalog = connection.catalog();
        ConnectionSettings settings = connection.settings(context, catalog);
        PrintStream out = context.out();
        try (DbCreator engine = DbCreator.connect(catalog, settings, new ProgressPrinter(out))) {
            UpgradeResult result = engine.cleanup(confirmed, dryRun);
            out.print(dryRun ? PlanRendering.text(result) : Results.line(result));
        }
        return 0;
    }
}
