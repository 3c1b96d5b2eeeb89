package org.dbcreator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dbcreator.backup.RestoreRequest;
import org.dbcreator.backup.RestoreResult;
import org.dbcreator.engine.DbCreator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", description = {
        "Restore a backup (or a dump of mysqldump/mariadb-dump) into a new or empty database, then compare every",
        "table with the backup's manifest. Over a non-empty database only with --replace, after naming what is lost."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .sql.gz of a backup, or a dump (.sql or .sql.gz).")
    Path file;

    @Option(names = "--into", required = true, paramLabel = "DATABASE", description = "The database to restore into.")
    String target;

    @Option(names = "--replace", description = "Drop everything the database holds first (it is listed before).")
    boolean replace;

    @Option(names = "--connections", paramLabel = "N",
            description = "Connections that load a DatabaseCreator backup's rows in parallel (default: 2 to 4).")
    Integer connections;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        OptionRanges.connections(connections);
        ConnectionOptions.Target resolved = connection.resolve(context);
        RestoreRequest request = RestoreRequest.intoEmpty();
        request = replace ? request.replacing() : request;
        request = connections != null ? request.withConnections(connections) : request;
        try (DbCreator engine = DbCreator.connect(resolved.catalog(), resolved.settings().withDatabase(target),
                new ProgressPrinter(output.progress(context)))) {
            RestoreResult result = engine.restore(file, request, context.cancellation());
            context.out().print(output.json ? JsonOutput.of(ResultJson.restore(result)) + "\n"
                    : BackupRendering.restore(result));
        }
        return 0;
    }
}
