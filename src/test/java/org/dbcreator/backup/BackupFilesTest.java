package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFilesTest {

    @TempDir
    Path folder;

    @Test
    void manifestShouldSitNextToTheDump() {
        assertThat(BackupFiles.of(Path.of("/b/cloud-4.1.0-20261125T100000Z.sql.gz")).manifest())
                .isEqualTo(Path.of("/b/cloud-4.1.0-20261125T100000Z.manifest.json"));
        assertThat(BackupFiles.of(Path.of("/b/stock.sql")).manifest()).isEqualTo(Path.of("/b/stock.manifest.json"));
    }

    @Test
    void newNamesShouldNeverReuseAFileOrAPartialOne() throws IOException {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        BackupFiles first = BackupFiles.newIn(folder, "cloud", "4.1.0", now);
        assertThat(first.dump().getFileName().toString()).isEqualTo("cloud-4.1.0-20261125T100000Z.sql.gz");
        Files.createFile(first.partialDump());

        BackupFiles second = BackupFiles.newIn(folder, "cloud", "4.1.0", now);

        assertThat(second.dump().getFileName().toString()).isEqualTo("cloud-4.1.0-20261125T100000Z-2.sql.gz");
        assertThat(first.partialDump().getFileName().toString()).endsWith(".sql.gz.partial");
    }

    @Test
    void partialFilesShouldBeRecognisedOnlyUnderTheirOwnDatabasesNamingPattern() {
        assertThat(BackupFiles.isPartialOf("cloud-4.1.0-20261125T100000Z.sql.gz.partial", "cloud")).isTrue();
        assertThat(BackupFiles.isPartialOf("cloud-20261125T100000Z-2.manifest.json.partial", "cloud")).isTrue();
        assertThat(BackupFiles.isPartialOf("cloud-4.1.0-20261125T100000Z.sql.gz", "cloud")).as("a finished backup").isFalse();
        assertThat(BackupFiles.isPartialOf("cloud2-4.1.0-20261125T100000Z.sql.gz.partial", "cloud")).isFalse();
        assertThat(BackupFiles.isPartialOf("cloud-4.1.0-20261125T100000Z.sql.gz.partial", "cloud2")).isFalse();
        assertThat(BackupFiles.isPartialOf("cloud-notes.txt.partial", "cloud")).isFalse();
    }
}
