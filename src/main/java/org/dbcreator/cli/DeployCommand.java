package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.SampleSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "deploy", description = {
        "Create the product database if it is absent and deploy a release into it.",
        "An existing database is accepted only when empty; an interrupted deploy is resumed."})
final class DeployCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--target", paramLabel = "VERSION", description = "Release to deploy (default: the latest).")
    String version;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "0",
            description = "Load N rows of sample data (into the largest tables) right after the baseline.")
    long sampleRows;

    @Option(names = "--seed", defaultValue = "" + SampleSize.DEFAULT_SEED,
            description = "Seed of the sample data; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption output = new JsonOption();

    @Option(names = "--dry-run", description = "Print the checks and every statement that would run; create and write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        CliContext context = main.context();
        OptionRanges.notNegative("--sample-rows", sampleRows, "no sample data");
        ConnectionOptions.Target target = connection.resolve(context);
        Catalog catalog = target.catalog();
        ConnectionSettings settings = target.settings();
        PrintStream out = context.out();
        PrintStream progress = output.progress(context);
        try (DbCreator engine = DbCreator.connect(catalog, settings, new ProgressPrinter(progress))) {
            if (dryRun) {
                DeployResult result = engine.deploy(Optional.ofNullable(version).map(Versions::parse),
                        new SampleSize(sampleRows, seed), true);
                out.print(output.json ? JsonOutput.of(ResultJson.deploy(result)) + "\n" : PlanRendering.text(result));
                return Results.dryRunExit(result.checks().orElseThrow(), context.err());
            }
            progress.println("Deploying " + catalog.product() + " into " + settings.describe() + " on "
                    + engine.database().server().describe());
            DeployResult result = engine.deploy(Optional.ofNullable(version).map(Versions::parse),
                    new SampleSize(sampleRows, seed), context.cancellation());
            out.print(output.json ? JsonOutput.of(ResultJson.deploy(result)) + "\n" : Results.line(result));
        }
        return 0;
    }
}
