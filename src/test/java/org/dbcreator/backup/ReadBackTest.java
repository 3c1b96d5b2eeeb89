package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The read-back that follows the writer reads every byte of the file, as the file holds it. */
@Timeout(30)
class ReadBackTest {

    @TempDir
    Path folder;

    private final byte[] data = new byte[3_000_000];

    ReadBackTest() {
        new Random(7).nextBytes(data);
    }

    @Test
    void shouldReadWhatWasWrittenWhileItWasWritten() throws Exception {
        Path file = folder.resolve("dump");
        try (OutputStream out = Files.newOutputStream(file); ReadBack readBack = ReadBack.follow(file)) {
            long written = 0;
            for (int at = 0; at < data.length; at += 70_001) {
                int length = Math.min(70_001, data.length - at);
                out.write(data, at, length);
                out.flush();
                written += length;
                readBack.written(written);
            }
            readBack.synced(written);

            assertThat(readBack.result()).isEqualTo(new ReadBack.Read(data.length, sha256(data)));
        }
    }

    @Test
    void whatTheWriterHeldBackShouldBeReadOnceSynced() throws Exception {
        Path file = folder.resolve("dump");
        try (OutputStream out = Files.newOutputStream(file); ReadBack readBack = ReadBack.follow(file)) {
            out.write(data, 0, 1000);
            out.flush();
            readBack.written(data.length); // the rest is still in the writer's hands
            Thread.sleep(50); // lets the reader reach the file's end first; the result must hold either way
            out.write(data, 1000, data.length - 1000);
            out.flush();
            readBack.synced(data.length);

            assertThat(readBack.result()).isEqualTo(new ReadBack.Read(data.length, sha256(data)));
        }
    }

    @Test
    void aFileLongerThanWhatWasWrittenShouldReadAsLonger() throws Exception {
        Path file = folder.resolve("dump");
        try (OutputStream out = Files.newOutputStream(file); ReadBack readBack = ReadBack.follow(file)) {
            out.write(data);
            out.write(new byte[] {42});
            out.flush();
            readBack.synced(data.length);

            assertThat(readBack.result().bytes()).isEqualTo(data.length + 1L);
        }
    }

    @Test
    void closingWithoutASyncShouldStopTheReading() throws Exception {
        Path file = folder.resolve("dump");
        Files.write(file, data);
        ReadBack readBack = ReadBack.follow(file);
        readBack.written(data.length * 2L); // never comes: the backup failed

        readBack.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("dbcreator-read-back"));
    }

    private static String sha256(byte[] bytes) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
