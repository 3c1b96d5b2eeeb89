package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbcreator.backup.BackupFilesBadInputIT.assertRefused;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.StockClient;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage that the file's checksum cannot show (issue 11, items 4 to 6): a lost part of a dump whose
 * manifest is gone, a manifest changed by hand, a stock dump with a broken statement. Each starts
 * from a real backup of a test database; verify and restore refuse it with a clear code, and the
 * target database is exactly as before.
 */
@ExtendWith(TestDatabaseExtension.class)
class VerifyDamageIT {

    private static final int EVENTS = 41_331;

    @TempDir
    Path folder;

    /** The demo product with 41,331 events of ~120 bytes: several 1 MB INSERTs, so several gzip members of rows. */
    private BackupFiles bigBackup(TestDatabase source) throws Exception {
        Fixtures.deployDemo(source);
        source.execute("INSERT INTO event (type, description, account_id, created) SELECT 'VM.START',"
                + " CONCAT('event ', seq, ' ', REPEAT('x', 100)), 1, NOW() FROM seq_1_to_" + (EVENTS - 3));
        return BackupRestoreIT.backup(source, BackupRequest.to(folder), ProgressListener.NONE).files();
    }

    private BackupFiles smallBackup(TestDatabase source) {
        return BackupRestoreIT.backup(source, BackupRequest.to(folder), ProgressListener.NONE).files();
    }

    /** The checks refuse no statement of a good backup of every object kind, with or without its manifest. */
    @Test
    void goodBackupOfEveryObjectKindShouldPassEveryCheck(TestDatabase source) throws Exception {
        Fixtures.deployRich(source);
        BackupFiles files = smallBackup(source);

        VerifyResult withManifest = DbCreator.verifyBackupFile(files.dump());
        Files.delete(files.manifest());
        VerifyResult without = DbCreator.verifyBackupFile(files.dump());

        assertThat(withManifest.rows()).isEqualTo(without.rows()).containsEntry("odd_values", 3L);
        assertThat(withManifest.notes()).first().asString().contains("The backup is of database '" + source.name() + "'");
        assertThat(without.notes()).first().asString().contains("The backup is of database '" + source.name() + "'",
                "democloud 4.1.0 (CLEAN)");
    }

    @Test
    void lostGzipMemberWithoutTheManifestShouldBeRefused(TestDatabase source, TestDatabase target) throws Exception {
        BackupFiles files = bigBackup(source);
        assertThat(source.number("SELECT COUNT(*) FROM event")).isEqualTo(EVENTS);
        Files.delete(files.manifest());
        assertThat(DamagedBackups.members(Files.readAllBytes(files.dump()))).hasSizeGreaterThan(4);

        DamagedBackups.dropMember(files.dump(), DamagedBackups.firstMemberStartingWith(files.dump(), "INSERT INTO `event`"));

        assertRefused(files.dump(), target, ErrorCode.BACKUP_DAMAGED, "is damaged", "its last line says", "table event has",
                "rows, the dump states " + EVENTS, "part of the file is lost");
        assertThat(Footprint.of(target).exists()).isFalse();
    }

    @Test
    void lostGzipMemberOfAnOlderBackupShouldBeRefusedByItsTotals(TestDatabase source, TestDatabase target) throws Exception {
        BackupFiles files = bigBackup(source);
        DamagedBackups.makeOldFormat(files);
        assertThat(DbCreator.verifyBackupFile(files.dump()).notes()).anySatisfy(n -> assertThat(n).contains("older",
                "only the totals were checked"));
        // the older file is one gzip member: cut a megabyte of rows out of its text instead, at statement bounds
        DamagedBackups.rewrite(files, sql -> {
            int from = sql.indexOf("INSERT INTO `event`");
            int to = sql.indexOf("INSERT INTO `event`", from + 1);
            assertThat(to).isPositive();
            return sql.substring(0, from) + sql.substring(to);
        });
        Files.delete(files.manifest());

        assertRefused(files.dump(), target, ErrorCode.BACKUP_DAMAGED, "its last line says", "part of the file is lost");
    }

    @Test
    void olderBackupShouldStillVerifyAndRestoreSayingWhatItCouldNotCheck(TestDatabase source, TestDatabase target)
            throws Exception {
        Fixtures.deployDemo(source);
        List<String> backedUp = Fixtures.serverChecksums(source); // the backup's own history row comes after
        BackupFiles files = smallBackup(source);
        DamagedBackups.makeOldFormat(files);

        VerifyResult verified = DbCreator.verifyBackupFile(files.dump());
        RestoreResult restored = BackupRestoreIT.restore(files.dump(), target, RestoreRequest.intoEmpty(), ProgressListener.NONE);

        assertThat(verified.notes()).anySatisfy(n -> assertThat(n).contains("repeats only the database, product, release"));
        assertThat(restored.notes()).anySatisfy(n -> assertThat(n).contains("could not be detected"));
        assertThat(restored.checksumsCompared()).isTrue();
        assertThat(Fixtures.serverChecksums(target)).isEqualTo(backedUp);
    }

    /** Each identity field changed in the manifest alone: refused, naming the field, by verify and restore. */
    @Test
    void manifestChangedByHandShouldBeRefusedNamingTheField(TestDatabase source, TestDatabase target) throws Exception {
        Fixtures.deployDemo(source);
        BackupFiles files = smallBackup(source);
        String good = Files.readString(files.manifest());
        List<ManifestEdit> edits = List.of(
                new ManifestEdit("database", m -> m.put("database", "cloud")),
                new ManifestEdit("schemaVersion", m -> m.put("schemaVersion", "4.0.0")),
                new ManifestEdit("phase", m -> m.put("phase", "EXPANDED")),
                new ManifestEdit("product", m -> m.put("product", "othercloud")),
                new ManifestEdit("product", m -> m.putNull("product")),
                new ManifestEdit("server", m -> m.put("server", "8.0.36")),
                new ManifestEdit("characterSet", m -> m.put("characterSet", "utf8mb5")),
                new ManifestEdit("collation", m -> m.put("collation", "latin1_swedish_ci")),
                new ManifestEdit("file.name", m -> ((ObjectNode) m.get("file")).put("name", "cloud-4.1.0.sql.gz")),
                new ManifestEdit("tables[", m -> ((ObjectNode) m.get("tables").get(0)).put("engine", "MyISAM")),
                new ManifestEdit("objects", m -> m.withArray("objects").add("view invented")));
        for (ManifestEdit edit : edits) {
            Files.writeString(files.manifest(), good);
            DamagedBackups.editManifest(files, root -> edit.change().accept((ObjectNode) root));

            assertRefused(files.dump(), target, ErrorCode.BACKUP_DAMAGED, "does not agree with the dump", edit.field());
        }
    }

    /** Rows or checksums changed in the manifest: verify refuses; restore proves the content and removes what it loaded. */
    @Test
    void manifestWithChangedRowsShouldBeRefused(TestDatabase source, TestDatabase target) throws Exception {
        Fixtures.deployDemo(source);
        BackupFiles files = smallBackup(source);
        DamagedBackups.editManifest(files, root -> ((ObjectNode) root.get("tables").get(0)).put("checksum", "0123"));

        assertThatThrownBy(() -> DbCreator.verifyBackupFile(files.dump())).hasMessageContaining("does not agree with the dump")
                .hasMessageContaining("checksum 0123");
        Footprint before = Footprint.of(target);
        assertThatThrownBy(() -> BackupRestoreIT.restore(files.dump(), target, RestoreRequest.intoEmpty(), ProgressListener.NONE))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(
                        ErrorCode.BACKUP_CONTENT_MISMATCH)).hasMessageContaining("checksum 0123");
        assertThat(Footprint.of(target)).isEqualTo(before);
    }

    /** Garbage in every field: a clear code (never INTERNAL) and nothing changed. */
    @Test
    void manifestFieldsOfTheWrongKindShouldBeRefusedNamingTheField(TestDatabase source, TestDatabase target) throws Exception {
        Fixtures.deployDemo(source);
        BackupFiles files = smallBackup(source);
        String good = Files.readString(files.manifest());
        JsonNode fields = ManifestJson.parse(good);
        for (String field : (Iterable<String>) fields::fieldNames) {
            for (Consumer<ObjectNode> garbage : List.<Consumer<ObjectNode>>of(m -> m.remove(field), m -> m.put(field, "\u0007#?"),
                    m -> m.put(field, 12345))) {
                Files.writeString(files.manifest(), good);
                DamagedBackups.editManifest(files, root -> garbage.accept((ObjectNode) root));

                assertRefused(files.dump(), target, ErrorCode.BACKUP_DAMAGED, field);
            }
        }
    }

    @Test
    void backupOfAnotherDatabaseShouldSayWhereItCameFrom(TestDatabase source, TestDatabase target) throws Exception {
        Fixtures.deployDemo(source);
        BackupFiles files = smallBackup(source);
        BackupFiles renamed = BackupFiles.of(folder.resolve("cloud-4.1.0-20260101T000000Z.sql.gz"));
        Files.move(files.dump(), renamed.dump());
        Files.move(files.manifest(), renamed.manifest());
        List<String> notices = new ArrayList<>();

        BackupRestoreIT.restore(renamed.dump(), target, RestoreRequest.intoEmpty(), event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        });

        assertThat(notices).anySatisfy(n -> assertThat(n).contains("The backup is of database '" + source.name() + "'",
                "democloud 4.1.0 (CLEAN)")).anySatisfy(n -> assertThat(n).contains("renamed", files.dump().getFileName()
                        .toString()));
    }

    @Test
    void stockDumpWithABrokenStatementShouldBeRefusedByVerifyAsByRestore(TestDatabase source, TestDatabase target)
            throws Exception {
        Fixtures.deployDemo(source);
        Path dump = folder.resolve("stock.sql");
        new StockClient(source.admin()).dump(source.name(), dump);
        String good = Files.readString(dump);
        assertThat(DbCreator.verifyBackupFile(dump).stockDump()).isTrue();
        String insert = "INSERT INTO `account` VALUES";
        int at = good.indexOf(insert);
        assertThat(at).isPositive();
        String before = good.substring(0, at);
        String statement = good.substring(at);

        for (String broken : List.of(before + statement.replaceFirst("VALUES", "VALUES ("),
                before + statement.replaceFirst("INSERT", "INSRT"),
                before + statement.replaceFirst("\\),(\\s*)\\(", "),x$1("))) {
            Files.writeString(dump, broken);
            assertRefused(dump, target, ErrorCode.BACKUP_DAMAGED, "is damaged: line");
        }
    }

    /**
     * The restore test reads the file once and proves its SHA-256 from the bytes it loaded. A gzip
     * member's header time is covered by no CRC: changed, every row still loads and compares equal,
     * and only the file's SHA-256 tells. The test must refuse it, drop its scratch database and
     * leave the backup recorded as read back only.
     */
    @Test
    void restoreTestOfAFileChangedWhereOnlyItsSha256ShowsShouldBeRefused(TestDatabase source) throws Exception {
        Fixtures.deployDemo(source);
        BackupFiles files = smallBackup(source);
        byte[] bytes = Files.readAllBytes(files.dump());
        assertThat(bytes[0] & 0xFF).isEqualTo(0x1f);
        bytes[4] ^= 0x01; // the first member's MTIME
        Files.write(files.dump(), bytes);
        assertThat(DamagedBackups.members(bytes)).as("the data itself still inflates").isNotEmpty();
        List<String> scratchBefore = source.rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME LIKE 'dbcreator\\_verify\\_%'");

        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, source.admin(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> engine.restoreTest(files.dump(), 2)).isInstanceOfSatisfying(DbCreatorException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_DAMAGED);
                        assertThat(e.getMessage()).contains("does not match its manifest", "changed or damaged after the backup");
                    });
        }

        assertThat(source.rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME LIKE 'dbcreator\\_verify\\_%'")).as("only other runs' scratch databases, if any")
                .isSubsetOf(scratchBefore);
        assertThat(source.rows("SELECT verification FROM dbcreator_backup")).containsExactly("FILE");
    }

    private record ManifestEdit(String field, Consumer<ObjectNode> change) {}
}
