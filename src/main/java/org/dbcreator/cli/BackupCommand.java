package org.dbcreator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.TakenBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", subcommands = VerifyBackupCommand.class, description = {
        "Take a consistent backup of the product database without blocking its nodes: NAME.sql.gz (which the stock",
        "mysql/mariadb client restores) and NAME.manifest.json, read back, restored into a scratch database and",
        "compared (unless --no-restore-test), and recorded for the upgrade."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--to", paramLabel = "DIR", defaultValue = ".",
            description = "Folder for the backup, created if absent (default: the current folder).")
    Path directory;

    @Option(names = "--connections", paramLabel = "N",
            description = "Connections that read in parallel on MariaDB (default: 2 to 4, one per core).")
    Integer connections;

    @Option(names = "--no-restore-test", description = {"Do not restore the backup into a scratch database to prove it:"
            + " it is then recorded as read back only, and the upgrade's backup check shows it amber."})
    boolean noRestoreTest;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        OptionRanges.connections(connections);
        try (DbCreator engine = connection.connect(context, new ProgressPrinter(output.progress(context)))) {
            BackupRequest request = BackupRequest.to(directory);
            TakenBackup result = engine.backup(connections == null ? request : request.withConnections(connections),
                    !noRestoreTest, context.cancellation());
            context.out().print(output.json ? JsonOutput.of(ResultJson.backup(result)) + "\n"
                    : BackupRendering.backup(result));
        }
        return 0;
    }

    CliContext context() {
        return main.context();
    }

    /** Options given before a subcommand belong to 'backup' itself; 'verify' would silently ignore them. */
    void requireNoOptionsBefore(String subcommand) {
        if (!spec.commandLine().getParseResult().matchedOptions().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Give the options of '" + subcommand + "' after it, e.g."
                    + " dbcreator backup " + subcommand + " FILE --restore-test --host HOST.");
        }
    }
}
