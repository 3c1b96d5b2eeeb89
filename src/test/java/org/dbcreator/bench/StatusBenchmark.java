package org.dbcreator.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;

/**
 * Times {@code status} in process, without the JVM's start: a fresh connection per run (what one
 * command does) and runs on one open connection (what the wizard does). Not a test; run it by hand
 * against a running demo (docs/benchmarks.md):
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *     org.dbcreator.bench.StatusBenchmark ~/.local/share/dbcreator/demo/demo.properties 200</pre>
 */
public final class StatusBenchmark {

    private StatusBenchmark() {}

    public static void main(String[] args) throws Exception {
        ConnectionProfile profile = ConnectionProfile.read(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String password = Files.readString(profile.passwordFile().orElseThrow(), StandardCharsets.UTF_8).strip();
        ConnectionSettings settings = new ConnectionSettings(profile.host().orElse("127.0.0.1"),
                profile.port().orElse(3306), profile.database().orElseThrow(), profile.user().orElseThrow(),
                Secret.of(password), TlsMode.PREFERRED, Optional.empty());
        long catalogStart = System.nanoTime();
        Catalog catalog = Catalog.bundled();
        System.out.printf("catalog load (first, cold JIT): %.1f ms%n", (System.nanoTime() - catalogStart) / 1e6);

        for (int i = 0; i < runs / 10 + 1; i++) { // warm-up: let the JIT compile the paths measured below
            connectAndStatus(catalog, settings);
        }
        report("connect + status + close", time(runs, () -> connectAndStatus(catalog, settings)));
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            report("status on an open connection", time(runs, () -> engine.status(Optional.empty())));
        }
    }

    private static void connectAndStatus(Catalog catalog, ConnectionSettings settings) {
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            engine.status(Optional.empty());
        }
    }

    private static double[] time(int runs, Runnable work) {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf("%-30s runs %d  median %.1f ms  p90 %.1f ms  min %.1f ms  max %.1f ms%n", what, sorted.length,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], sorted[0], sorted[sorted.length - 1]);
    }
}
