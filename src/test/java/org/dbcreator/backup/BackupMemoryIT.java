package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Memory stays flat: a database larger than 128 MB is backed up, and restored, by JVMs limited to a 64 MB heap. */
@ExtendWith(TestDatabaseExtension.class)
class BackupMemoryIT {

    private static final long MB = 1 << 20;

    @TempDir
    Path folder;

    @Test
    void databaseLargerThanTheHeapShouldBeBackedUpAndRestoredIn64Megabytes(TestDatabase db, TestDatabase copy)
            throws Exception {
        Fixtures.deployDemo(db);
        fillWithMoreThan(db, 130 * MB);

        String backup = runForked("backup", db, folder.toString());
        Path dump = Path.of(backup.lines().filter(l -> l.startsWith("dump ")).findFirst().orElseThrow().substring(5));
        VerifyResult verified = VerifyOperation.checkFile(dump);
        assertThat(verified.rows().get("payload")).isEqualTo(db.number("SELECT COUNT(*) FROM payload"));

        String restore = runForked("restore", copy, dump.toString());
        assertThat(restore).contains("checksums compared true");
        assertThat(copy.number("SELECT SUM(LENGTH(a) + LENGTH(b)) FROM payload")).isGreaterThan(130 * MB);
    }

    /** Rows of about 2 KB, doubled on the server until their values add up to more than {@code bytes}. */
    private static void fillWithMoreThan(TestDatabase db, long bytes) throws SQLException {
        db.execute("CREATE TABLE payload (id BIGINT PRIMARY KEY AUTO_INCREMENT, a VARCHAR(1000) NOT NULL,"
                + " b VARCHAR(1000) NOT NULL, n INT NOT NULL) ENGINE=InnoDB");
        db.execute("INSERT INTO payload (a, b, n) VALUES " + String.join(",", java.util.Collections.nCopies(1100,
                "(REPEAT(MD5(RAND()), 31), REPEAT(MD5(RAND()), 31), FLOOR(RAND() * 1000000))")));
        while (db.number("SELECT SUM(LENGTH(a) + LENGTH(b)) FROM payload") <= bytes) {
            db.execute("INSERT INTO payload (a, b, n) SELECT REPEAT(MD5(RAND()), 31), REPEAT(MD5(RAND()), 31), n FROM payload");
        }
    }

    /** Runs the operation in a JVM with {@code -Xmx64m}; returns what it printed once it succeeded. */
    private static String runForked(String operation, TestDatabase db, String path) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Forked.class.getName(), operation, db.admin().host(),
                String.valueOf(db.admin().port()), db.admin().user(), db.name(), path);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DBCREATOR_PASSWORD", db.admin().password().reveal());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the forked %s finished", operation).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        long maxHeap = Long.parseLong(output.lines().filter(l -> l.startsWith("max heap ")).findFirst().orElseThrow()
                .substring(9));
        assertThat(maxHeap).as("the heap limit the %s ran under", operation).isLessThanOrEqualTo(64 * MB);
        return output;
    }
}
