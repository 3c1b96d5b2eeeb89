package org.dbcreator.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.BatchPace;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.ArgGroup;
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

    @Option(names = "--target", paramLabel = "VERSION", description = "Target release (default: the latest).")
    String version;

    @Option(names = "--dry-run", description = "Print the checks and every statement that would run; write nothing.")
    boolean dryRun;

    @ArgGroup(exclusive = true)
    BackupChoice backup = new BackupChoice();

    @Option(names = "--rest-ratio", paramLabel = "R", defaultValue = "" + 1.0,
            description = "After each data-migration batch, rest R times as long as the batch took, so the nodes keep"
                    + " their latency (0 to 10; default: ${DEFAULT-VALUE}; 0 runs the batches back to back).")
    double restRatio;

    @Option(names = "--no-restore-test", description = "With --backup-to: only read the backup back, do not restore it"
            + " into a scratch database to prove it (recorded as such; the backup check shows amber).")
    boolean noRestoreTest;

    @Option(names = "--backup-max-age", paramLabel = "AGE", defaultValue = "24h", converter = Durations.class,
            description = "How old the recorded verified backup may be, e.g. 24h, 90m, 2d (default: ${DEFAULT-VALUE}).")
    Duration backupMaxAge;

    /** Without either option the upgrade needs a recent verified backup in the history. */
    static final class BackupChoice {
        @Option(names = "--backup-to", paramLabel = "DIR", description = "Take a backup into DIR first, and prove it"
                + " restorable in a scratch database.")
        Path directory;

        @Option(names = "--skip-backup", description = "Upgrade without a backup; recorded with who and when.")
        boolean skip;

        BackupPolicy policy(Duration maxAge) {
            if (directory != null) {
                return BackupPolicy.takeFirst(BackupRequest.to(directory));
            }
            return skip ? BackupPolicy.skip() : BackupPolicy.requireRecent(maxAge);
        }
    }

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        PrintStream out = context.out();
        BatchPace pace = new BatchPace(restRatio); // checked before anything connects
        NextSteps steps = NextSteps.of(context, connection.given());
        try (DbCreator engine = connection.connect(context, new ProgressPrinter(output.progress(context), steps))) {
            BackupPolicy policy = backup.policy(backupMaxAge);
            if (noRestoreTest && policy.mode() != BackupPolicy.Mode.TAKE_FIRST) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "--no-restore-test goes with --backup-to DIR:"
                        + " it is about the backup taken first.");
            }
            UpgradeResult result = engine.upgrade(Optional.ofNullable(version).map(Versions::parse), dryRun,
                    noRestoreTest ? policy.withoutRestoreTest() : policy, pace, context.cancellation());
            out.print(output.json ? JsonOutput.of(ResultJson.upgrade(result, steps)) + "\n"
                    : dryRun ? PlanRendering.text(result, steps) : Results.line(result));
            return dryRun ? Results.dryRunExit(result, context.err()) : 0;
        }
    }
}
