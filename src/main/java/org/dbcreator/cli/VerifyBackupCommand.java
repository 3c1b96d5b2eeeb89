package org.dbcreator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.backup.VerifyResult;
import org.dbcreator.engine.DbCreator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", description = {
        "Check a backup file: its checksum against the manifest, that it is complete, the rows of every table.",
        "With --restore-test, also restore it into a scratch database, compare every table, and drop the scratch."})
final class VerifyBackupCommand implements Callable<Integer> {

    @ParentCommand
    BackupCommand backup;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .sql.gz of a backup, or a dump of mysqldump/mariadb-dump.")
    Path file;

    @Option(names = "--restore-test", description = "Also restore into a scratch database on the server and compare.")
    boolean restoreTest;

    @Option(names = "--connections", paramLabel = "N", description = "Connections for the restore test (default: 2 to 4).")
    Integer connections;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = backup.context();
        backup.requireNoOptionsBefore("verify");
        OptionRanges.connections(connections);
        VerifyResult result;
        if (!restoreTest) {
            result = DbCreator.verifyBackupFile(file);
        } else {
            try (DbCreator engine = connection.connect(context, new ProgressPrinter(output.progress(context)))) {
                result = engine.restoreTest(file, connections != null ? connections : BackupRequest.defaultConnections(),
                        context.cancellation());
            }
        }
        context.out().print(output.json ? JsonOutput.of(ResultJson.verify(result)) + "\n" : BackupRendering.verify(result));
        return 0;
    }
}
