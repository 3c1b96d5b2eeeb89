package org.dbcreator.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.embedded.EmbeddedServer;
import org.dbcreator.embedded.ServerBinaries;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;

/**
 * Where a demo's time goes, phase by phase, in one process: unpacking the server, initialising
 * the data folder and starting (first run), starting on existing data (later runs), connecting,
 * deploying, status and the clean stop. Not a test; see docs/benchmarks.md:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *     org.dbcreator.bench.DemoPhases /tmp/dbcreator-phases</pre>
 *
 * The folder is used as DBCREATOR_HOME would be: a new one measures the first run.
 */
public final class DemoPhases {

    private static long mark;

    private DemoPhases() {}

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        UserFolders folders = new UserFolders(root.resolve("data"), root.resolve("cache"), root.resolve("config"));
        System.out.printf("%-52s %8d ms%n", "JVM start up to main", ManagementFactory.getRuntimeMXBean().getUptime());
        mark = System.nanoTime();
        ServerBinaries.unpackedInto(folders.cache());
        phase("unpack server binaries (skipped when cached)");
        Catalog catalog = Catalog.bundled();
        phase("load bundled catalog");
        for (int run = 1; run <= 2; run++) {
            System.out.println("run " + run + ":");
            EmbeddedServer server = EmbeddedServer.inFolder(folders.demo(), folders, List.of());
            server.start(0);
            phase("  start server (run 1 of a new folder: also initialise data)");
            ConnectionSettings rootSettings = server.rootSettings(catalog.manifest().defaultDatabase());
            try (DbCreator engine = DbCreator.connect(catalog, rootSettings, ProgressListener.NONE)) {
                phase("  connect");
                engine.deploy(Optional.of(catalog.baselineVersion()));
                phase("  deploy baseline (run 2: nothing to do)");
                engine.status(Optional.empty());
                phase("  status");
            }
            server.close();
            phase("  stop server (clean InnoDB shutdown)");
        }
    }

    private static void phase(String what) {
        long now = System.nanoTime();
        System.out.printf("%-52s %8.0f ms%n", what, (now - mark) / 1e6);
        mark = now;
    }
}
