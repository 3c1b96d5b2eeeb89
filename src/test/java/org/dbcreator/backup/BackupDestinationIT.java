package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination that refuses writes or runs out of room: a clear error, no file left that could
 * pass for a backup, and nothing recorded. Real tiny disks (tmpfs) where the test may mount them
 * (as root); the same failures injected everywhere else.
 */
@ExtendWith(TestDatabaseExtension.class)
class BackupDestinationIT {

    @TempDir
    Path folder;

    private static void assertBackupRefused(TestDatabase db, BackupRequest request, ProgressListener listener,
            ErrorCode code, String... phrases) throws SQLException {
        Footprint before = Footprint.of(db);
        assertThatThrownBy(() -> {
            try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, db.admin(), listener)) {
                engine.backup(request);
            }
        }).isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContainingAll(phrases);
        assertThat(Footprint.of(db)).as("nothing recorded").isEqualTo(before);
    }

    private static List<String> backupFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".sql.gz") || n.contains(".manifest"))
                    .toList();
        }
    }

    @Test
    void destinationThatIsAFileShouldBeRefused(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        Path file = Files.writeString(folder.resolve("backups"), "not a folder");

        assertBackupRefused(db, BackupRequest.to(file), ProgressListener.NONE, ErrorCode.BACKUP_DESTINATION_UNWRITABLE,
                "is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void destinationThatRefusesWritesShouldBeRefused(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        BackupOutput refusing = new BackupOutput() {
            @Override
            public Sink create(Path file) throws IOException {
                throw new AccessDeniedException(file.toString());
            }

            @Override
            public long usableSpace(Path directory) {
                return Long.MAX_VALUE;
            }
        };

        assertBackupRefused(db, BackupRequest.to(folder).withOutput(refusing), ProgressListener.NONE,
                ErrorCode.BACKUP_DESTINATION_UNWRITABLE, "permission denied", "partial files were removed");
        assertThat(backupFiles(folder)).isEmpty();
    }

    @Test
    void diskThatFillsDuringTheBackupShouldLeaveNoFiles(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        BackupOutput fillsUp = failingAfter(2_000);

        assertBackupRefused(db, BackupRequest.to(folder).withOutput(fillsUp), ProgressListener.NONE,
                ErrorCode.BACKUP_DESTINATION_FULL, "filled up during the backup", "No space left on device");
        assertThat(backupFiles(folder)).isEmpty();
    }

    @Test
    void diskWithLessRoomThanTheDataShouldBeRefusedBeforeWriting(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        AtomicBoolean created = new AtomicBoolean();
        BackupOutput small = new BackupOutput() {
            @Override
            public Sink create(Path file) throws IOException {
                created.set(true);
                return FILE_SYSTEM.create(file);
            }

            @Override
            public long usableSpace(Path directory) {
                return 1_000;
            }
        };

        assertBackupRefused(db, BackupRequest.to(folder).withOutput(small), ProgressListener.NONE,
                ErrorCode.BACKUP_DESTINATION_FULL, "only 0.0 MB is free", "Nothing was written");
        assertThat(created).isFalse();
    }

    @Test
    void tinyDiskShouldBeRefusedBeforeWriting(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        db.execute("CREATE TABLE filler (id INT PRIMARY KEY AUTO_INCREMENT, pad CHAR(255) NOT NULL) ENGINE=InnoDB",
                "INSERT INTO filler (pad) VALUES ('x'), ('y'), ('z'), ('w')");
        while (db.number("SELECT COUNT(*) FROM filler") < 16_000) {
            db.execute("INSERT INTO filler (pad) SELECT pad FROM filler");
        }
        db.execute("ANALYZE TABLE filler");
        Path disk = mountTmpfs("size=1m");
        try {
            assertBackupRefused(db, BackupRequest.to(disk), ProgressListener.NONE, ErrorCode.BACKUP_DESTINATION_FULL,
                    "the size of its data", "MB is free at " + disk);
            assertThat(backupFiles(disk)).isEmpty();
        } finally {
            unmount(disk);
        }
    }

    @Test
    void tinyDiskThatFillsDuringTheBackupShouldLeaveNoFiles(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        Path disk = mountTmpfs("size=1m");
        try {
            AtomicBoolean filled = new AtomicBoolean();
            ProgressListener otherProcessFillsTheDisk = event -> {
                if (event instanceof ProgressEvent.TableProgress && filled.compareAndSet(false, true)) {
                    fill(disk.resolve("someone-elses-file"));
                }
            };

            assertBackupRefused(db, BackupRequest.to(disk), otherProcessFillsTheDisk, ErrorCode.BACKUP_DESTINATION_FULL,
                    "filled up during the backup", "partial files were removed");
            assertThat(backupFiles(disk)).isEmpty();
        } finally {
            unmount(disk);
        }
    }

    @Test
    void readOnlyDiskShouldBeRefused(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        Path disk = mountTmpfs("size=1m,ro");
        try {
            assertBackupRefused(db, BackupRequest.to(disk), ProgressListener.NONE, ErrorCode.BACKUP_DESTINATION_UNWRITABLE,
                    "read-only");
        } finally {
            unmount(disk);
        }
    }

    @Test
    void diskThatChangesWhatItStoresShouldBeCaughtByTheReadBack(TestDatabase db) throws Exception {
        Fixtures.deployDemo(db);
        for (long at : new long[] {0, 5_000, -1}) { // the header, the rows, the last byte written
            BackupOutput flipping = flippingByteAt(at);

            assertBackupRefused(db, BackupRequest.to(folder).withOutput(flipping), ProgressListener.NONE,
                    ErrorCode.BACKUP_DAMAGED, "does not match");
            assertThat(backupFiles(folder)).as("byte %d changed", at).isEmpty();
        }
    }

    /**
     * A disk that stores one byte other than it was given, silently: at {@code at} of the dump, or
     * with -1 the last byte of the last write before the sync (held back until then).
     */
    private static BackupOutput flippingByteAt(long at) {
        return disk((file, real) -> {
            boolean dump = file.getFileName().toString().contains(".sql.gz");
            return new PassingSink(real) {
                private long offset;
                private byte[] last;

                @Override
                public void write(byte[] bytes) throws IOException {
                    if (last != null) {
                        real.write(last);
                    }
                    byte[] stored = bytes.clone();
                    if (dump && at >= offset && at < offset + stored.length) {
                        stored[(int) (at - offset)] ^= 0x01;
                    }
                    offset += stored.length;
                    last = stored;
                }

                @Override
                public void sync() throws IOException {
                    if (last != null) {
                        if (dump && at == -1) {
                            last[last.length - 1] ^= 0x01;
                        }
                        real.write(last);
                        last = null;
                    }
                    real.sync();
                }
            };
        });
    }

    /** A disk that takes {@code limit} bytes and then reports itself full, as the kernel does. */
    private static BackupOutput failingAfter(long limit) {
        AtomicLong written = new AtomicLong();
        return disk((file, real) -> new PassingSink(real) {
            @Override
            public void write(byte[] bytes) throws IOException {
                if (written.addAndGet(bytes.length) > limit) {
                    throw new IOException("No space left on device");
                }
                real.write(bytes);
            }
        });
    }

    /** Makes a file's sink for a test disk from the file system's. */
    @FunctionalInterface
    private interface SinkMaker {
        BackupOutput.Sink make(Path file, BackupOutput.Sink real) throws IOException;
    }

    /** The file system with room for anything, each file written through the sink {@code maker} makes. */
    private static BackupOutput disk(SinkMaker maker) {
        return new BackupOutput() {
            @Override
            public Sink create(Path file) throws IOException {
                return maker.make(file, FILE_SYSTEM.create(file));
            }

            @Override
            public long usableSpace(Path directory) {
                return Long.MAX_VALUE;
            }
        };
    }

    /** A sink that hands everything to the file system's, for a test disk to change one thing of. */
    private abstract static class PassingSink implements BackupOutput.Sink {

        final BackupOutput.Sink real;

        PassingSink(BackupOutput.Sink real) {
            this.real = real;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            real.write(bytes);
        }

        @Override
        public void sync() throws IOException {
            real.sync();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }
    }

    private static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full now, as intended
        }
    }

    /** A real tmpfs where the test may mount one (as root); skipped with the reason otherwise. */
    private Path mountTmpfs(String options) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path point = Files.createDirectories(folder.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString())
                .redirectErrorStream(true).start();
        boolean done = mount.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                () -> "cannot mount a tmpfs here: " + new String(readQuietly(mount)));
        return point;
    }

    private static void unmount(Path point) throws Exception {
        Process p = new ProcessBuilder("umount", point.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static byte[] readQuietly(Process p) {
        try {
            return p.getInputStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
