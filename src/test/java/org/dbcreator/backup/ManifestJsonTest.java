package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    static BackupManifest sample() {
        return new BackupManifest(BackupManifest.FORMAT, "cloud", Optional.of("democloud"), Optional.of("4.1.0"),
                Optional.of("CLEAN"), "0.1.0", "11.4.5-MariaDB", Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:07.250Z"), "one consistent snapshot on 2 connections (commits paused 1 ms)",
                "utf8mb4", "utf8mb4_unicode_ci",
                new BackupManifest.DumpFile("cloud-4.1.0-20261125T100000Z.sql.gz", 5063, "ab".repeat(32)),
                List.of(new BackupManifest.TableEntry("event", "InnoDB", 3, "0123456789abcdef")),
                List.of("view vm_view"), List.of());
    }

    @Test
    void manifestShouldSurviveTheRoundTrip() {
        assertThat(ManifestJson.read(ManifestJson.write(sample()), "m.json")).isEqualTo(sample());
    }

    @Test
    void manifestOfAnUnmanagedDatabaseShouldHaveNoProduct() {
        BackupManifest m = sample();
        BackupManifest unmanaged = new BackupManifest(m.format(), m.database(), Optional.empty(), Optional.empty(),
                Optional.empty(), m.tool(), m.server(), m.startedAt(), m.finishedAt(), m.consistency(), m.characterSet(),
                m.collation(), m.file(), m.tables(), m.objects(), List.of("Table x uses MyISAM"));

        String json = ManifestJson.write(unmanaged);

        assertThat(json).contains("\"product\" : null");
        assertThat(ManifestJson.read(json, "m.json")).isEqualTo(unmanaged);
    }

    @Test
    void brokenManifestShouldBeNamedAsDamaged() {
        assertThatThrownBy(() -> ManifestJson.read("{\"format\": \"dbcreator-backup/1\"", "cloud.manifest.json"))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_DAMAGED))
                .hasMessageContaining("cloud.manifest.json").hasMessageContaining("not valid manifest JSON");
        assertThatThrownBy(() -> ManifestJson.read("{\"format\": \"dbcreator-backup/9\"}", "m.json"))
                .hasMessageContaining("this release reads dbcreator-backup/1");
        assertThatThrownBy(() -> ManifestJson.read("{\"format\": \"dbcreator-backup/1\"}", "m.json"))
                .hasMessageContaining("lacks the field 'database'");
    }
}
