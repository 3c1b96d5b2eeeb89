package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipMemberTest {

    @Test
    void membersWrittenOneAfterAnotherShouldReadAsOneStream() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (GzipMember gzip = new GzipMember(6)) {
            for (String part : new String[] {"CREATE TABLE t (id INT);\n", "", "INSERT INTO t VALUES (1);\n".repeat(5000)}) {
                byte[] raw = part.getBytes(StandardCharsets.UTF_8);
                file.write(gzip.compress(raw, raw.length));
            }
        }

        byte[] read = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray())).readAllBytes();

        assertThat(new String(read, StandardCharsets.UTF_8))
                .isEqualTo("CREATE TABLE t (id INT);\n" + "INSERT INTO t VALUES (1);\n".repeat(5000));
    }
}
