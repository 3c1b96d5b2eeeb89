package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Every field of the manifest, with what it may be: "required" fields refuse to be missing. */
    private static final List<String> REQUIRED = List.of("format", "database", "tool", "server", "startedAt", "finishedAt",
            "consistency", "characterSet", "collation", "file", "file.name", "file.bytes", "file.sha256", "tables",
            "tables[0].name", "tables[0].engine", "tables[0].rows", "tables[0].checksum", "objects", "warnings");
    private static final List<String> OPTIONAL = List.of("product", "schemaVersion", "phase");
    /** Fields whose value has a shape of its own: garbage text in them is refused. */
    private static final List<String> SHAPED = List.of("format", "startedAt", "finishedAt", "characterSet", "collation",
            "schemaVersion", "phase", "file.sha256", "tables[0].checksum", "file.name");

    @Test
    void everyFieldRemovedOrOfTheWrongKindShouldBeRefusedByName() throws Exception {
        for (String field : REQUIRED) {
            assertRefusedNaming(edit(field, null), field);
            boolean container = List.of("file", "tables", "objects", "warnings").contains(field);
            assertRefusedNaming(edit(field, container ? JsonNodeFactory.instance.textNode("x")
                    : JsonNodeFactory.instance.objectNode()), field);
        }
        for (String field : OPTIONAL) {
            assertThat(ManifestJson.read(edit(field, null), "m.json")).isNotEqualTo(sample()); // absent means unmanaged
            assertRefusedNaming(edit(field, JsonNodeFactory.instance.numberNode(7)), field);
        }
        for (String field : SHAPED) {
            assertRefusedNaming(edit(field, JsonNodeFactory.instance.textNode("x/y\u0007")), field);
        }
        for (String count : List.of("file.bytes", "tables[0].rows")) {
            assertRefusedNaming(edit(count, JsonNodeFactory.instance.numberNode(-1)), count);
            assertRefusedNaming(edit(count, JsonNodeFactory.instance.textNode("12")), count);
            assertRefusedNaming(edit(count, JsonNodeFactory.instance.numberNode(1.5)), count);
        }
        assertRefusedNaming(edit("finishedAt", JsonNodeFactory.instance.textNode("2026-11-25T09:00:00Z")), "finishedAt");
        assertThatThrownBy(() -> ManifestJson.read("[1, 2]", "m.json")).hasMessageContaining("not a JSON object");
    }

    /** The sample manifest with one field, named like "file.bytes" or "tables[0].rows", set to a value or removed. */
    private static String edit(String field, JsonNode value) throws Exception {
        ObjectNode root = (ObjectNode) ManifestJson.parse(ManifestJson.write(sample()));
        String[] path = field.replace("[0]", ".0").split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(path[i])) : parent.get(path[i]);
        }
        String last = path[path.length - 1];
        if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return ManifestJson.compact(root);
    }

    private static void assertRefusedNaming(String json, String field) {
        assertThatThrownBy(() -> ManifestJson.read(json, "m.json")).as(field)
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_DAMAGED))
                .hasMessageContaining("'" + field + "'");
    }
}
