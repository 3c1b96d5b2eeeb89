package org.dbcreator.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.embedded.EmbeddedServer;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.engine.DbCreator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", description = {
        "Start a private embedded MariaDB server, deploy the demo database into it and keep it running",
        "until Ctrl-C. Nothing to install; data stays in your user folder for the next run."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Option(names = "--version", paramLabel = "VERSION",
            description = "Release to deploy (default: the oldest, so that an upgrade can be tried).")
    String version;

    @Option(names = "--port", defaultValue = "0", description = "Port for the server (default: a free one).")
    int port;

    @Option(names = "--no-wait", description = "Stop the server and exit once the database is ready.")
    boolean noWait;

    @Option(names = "--catalog", paramLabel = "DIR", description = "Read the catalog from this folder instead of the bundled one.")
    Path catalogDirectory;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = main.context().out();
        Catalog catalog = catalogDirectory == null ? Catalog.bundled() : Catalog.fromDirectory(catalogDirectory);
        Version target = version == null ? catalog.baselineVersion() : Versions.parse(version);
        UserFolders folders = UserFolders.fromEnvironment();
        Path folder = folders.data().resolve("demo");
        out.println("Starting the embedded server in " + folder + " ...");
        try (EmbeddedServer server = EmbeddedServer.inFolder(folder, folders, List.of()).start(port)) {
            ConnectionSettings settings = server.rootSettings(catalog.manifest().defaultDatabase());
            try (DbCreator engine = DbCreator.connect(catalog, settings, new ProgressPrinter(out))) {
                out.println("Server " + engine.database().server().describe() + " on 127.0.0.1:" + server.port());
                engine.deploy(Optional.of(target));
                out.println();
                out.print(StatusRendering.text(engine.status(Optional.empty())));
            }
            out.println();
            out.println("Connect with: host 127.0.0.1, port " + server.port() + ", database "
                    + settings.database() + ", user root, password in " + folder.resolve("credentials.properties"));
            if (!noWait) {
                out.println("The server runs until you press Ctrl-C.");
                new CountDownLatch(1).await(); // the shutdown hook stops the server on Ctrl-C
            }
        }
        return 0;
    }
}
