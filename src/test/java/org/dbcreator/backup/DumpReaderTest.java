package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.StatementSplitter;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DumpReaderTest {

    private static final Path SPLITTER_INPUTS = Path.of("src/test/resources/splitter");

    static Stream<String> splitterInputs() throws IOException {
        try (Stream<Path> files = Files.list(SPLITTER_INPUTS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList().stream();
        }
    }

    /** The streaming reader cuts every script exactly like the in-memory splitter, at any buffer size. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("splitterInputs")
    void shouldCutLikeTheStatementSplitter(String fileName) throws IOException {
        byte[] script = Files.readAllBytes(SPLITTER_INPUTS.resolve(fileName));
        List<SqlStatement> expected = StatementSplitter.split(new String(script, StandardCharsets.UTF_8), fileName);

        for (int bufferSize : new int[] {1, 2, 7, 64, 1 << 16}) {
            assertThat(read(script, bufferSize)).as("buffer of %d bytes", bufferSize).isEqualTo(expected);
        }
    }

    @Test
    void shouldKeepBytesThatAreNotUtf8Exactly() throws IOException {
        byte[] script = {'I', 'N', 'S', 'E', 'R', 'T', ' ', '\'', (byte) 0xFF, (byte) 0x80, '\\', '\'', ';', '\'', ';', '\n'};

        DumpReader reader = new DumpReader(new ByteArrayInputStream(script), "binary.sql");

        DumpStatement statement = reader.next();
        assertThat(statement.sql().getBytes(StandardCharsets.ISO_8859_1))
                .containsExactly('I', 'N', 'S', 'E', 'R', 'T', ' ', '\'', 0xFF, 0x80, '\\', '\'', ';', '\'');
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldRememberTheLastCommentForTheCompletenessCheck() throws IOException {
        String dump = "CREATE TABLE t (id INT);\n-- Dump completed on 2026-11-25 10:00:00\n";

        DumpReader reader = new DumpReader(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), "d.sql");
        while (reader.next() != null) {
            // read to the end
        }

        assertThat(reader.lastComment()).isEqualTo("Dump completed on 2026-11-25 10:00:00");
    }

    @Test
    void shouldReportAStringCutShortAsDamage() {
        byte[] dump = "INSERT INTO t VALUES (1, 'never closed".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(new DumpReader(new ByteArrayInputStream(dump), "cut.sql")))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_DAMAGED))
                .hasMessageContaining("cut.sql:1").hasMessageContaining("never closed");
    }

    private static List<SqlStatement> read(byte[] script, int bufferSize) throws IOException {
        List<SqlStatement> statements = new ArrayList<>();
        DumpReader reader = new DumpReader(new ByteArrayInputStream(script), "test", bufferSize);
        for (DumpStatement s = reader.next(); s != null; s = reader.next()) {
            String utf8 = new String(s.sql().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            statements.add(new SqlStatement(utf8, Math.toIntExact(s.line())));
        }
        return statements;
    }

    private static void readAll(DumpReader reader) throws IOException {
        while (reader.next() != null) {
            // read to the end
        }
    }
}
