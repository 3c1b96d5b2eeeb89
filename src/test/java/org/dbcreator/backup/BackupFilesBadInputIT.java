package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.StockClient;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that must not be restored: cut short, changed, not dumps at all, of another product or of
 * a newer schema. Each is refused with its own error, by verify and by restore, and the target
 * database is exactly as before: absent stays absent.
 */
@ExtendWith(TestDatabaseExtension.class)
class BackupFilesBadInputIT {

    @TempDir
    Path folder;

    private BackupResult goodBackup(TestDatabase source) throws SQLException {
        Fixtures.deployDemo(source);
        return BackupRestoreIT.backup(source, BackupRequest.to(folder.resolve("good")), ProgressListener.NONE);
    }

    /** A damaged or foreign file: refused by verify (no server needed) and by restore, the target left as it was. */
    static void assertRefused(Path file, TestDatabase target, ErrorCode code, String... phrases) throws SQLException {
        assertThatThrownBy(() -> DbCreator.verifyBackupFile(file)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(code)).hasMessageContainingAll(phrases);
        assertRestoreRefused(file, target, Fixtures.CATALOG, code, phrases);
    }

    /** Refused by restore, with the target left as it was. */
    static void assertRestoreRefused(Path file, TestDatabase target, Catalog catalog, ErrorCode code,
            String... phrases) throws SQLException {
        Footprint before = Footprint.of(target);
        assertThatThrownBy(() -> {
            try (DbCreator engine = DbCreator.connect(catalog, target.admin(), ProgressListener.NONE)) {
                engine.restore(file, RestoreRequest.intoEmpty());
            }
        }).isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContainingAll(phrases);
        assertThat(Footprint.of(target)).isEqualTo(before);
    }

    @Test
    void truncatedBackupShouldBeRefused(TestDatabase source, TestDatabase target) throws Exception {
        Path dump = goodBackup(source).files().dump();
        byte[] bytes = Files.readAllBytes(dump);
        Files.write(dump, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(dump, target, ErrorCode.BACKUP_DAMAGED, "cut short");
    }

    @Test
    void bitFlippedBackupShouldBeRefused(TestDatabase source, TestDatabase target) throws Exception {
        Path dump = goodBackup(source).files().dump();
        flipOneBit(dump);

        assertRefused(dump, target, ErrorCode.BACKUP_DAMAGED, "does not match its manifest", "SHA-256");
    }

    @Test
    void damageShouldBeFoundEvenWithoutTheManifest(TestDatabase source, TestDatabase target) throws Exception {
        BackupResult backup = goodBackup(source);
        Files.delete(backup.files().manifest());
        Path cut = folder.resolve("cut.sql.gz");
        Path flipped = folder.resolve("flipped.sql.gz");
        byte[] bytes = Files.readAllBytes(backup.files().dump());
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Files.write(flipped, bytes);
        flipOneBit(flipped);

        assertRefused(cut, target, ErrorCode.BACKUP_DAMAGED, "cut short");
        assertRefused(flipped, target, ErrorCode.BACKUP_DAMAGED, "damaged");
    }

    @Test
    void filesThatAreNoDumpsShouldBeRefused(TestDatabase target) throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.sql.gz"));
        Path text = Files.writeString(folder.resolve("notes.sql"), "Remember to back up the database.\n");
        Path script = Files.writeString(folder.resolve("script.sql"), "CREATE TABLE x (id INT);\nDROP DATABASE important;\n");
        Path png = Files.write(folder.resolve("picture.sql.gz"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Path gzippedText = folder.resolve("text.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzippedText))) {
            out.write("just some words\n".getBytes(StandardCharsets.UTF_8));
        }

        assertRefused(empty, target, ErrorCode.BACKUP_NOT_A_DUMP, "is empty");
        for (Path file : new Path[] {text, script, png, gzippedText}) {
            assertRefused(file, target, ErrorCode.BACKUP_NOT_A_DUMP, "is not a dump");
        }
        assertRefused(folder.resolve("absent.sql.gz"), target, ErrorCode.BACKUP_NOT_A_DUMP, "There is no file");
    }

    @Test
    void stockDumpCutShortShouldBeRefused(TestDatabase source, TestDatabase target) throws Exception {
        Fixtures.deployDemo(source);
        Path dump = folder.resolve("stock.sql");
        new StockClient(source.admin()).dump(source.name(), dump);
        String text = Files.readString(dump);
        Files.writeString(dump, text.substring(0, text.indexOf("-- Dump completed")));

        assertRefused(dump, target, ErrorCode.BACKUP_DAMAGED, "incomplete", "-- Dump completed");
    }

    @Test
    void stockDumpOfSeveralDatabasesShouldBeRefusedByVerifyAndRestore(TestDatabase source, TestDatabase target) throws Exception {
        Fixtures.deployDemo(source);
        Path dump = folder.resolve("databases.sql");
        new StockClient(source.admin()).dump(source.name(), dump, "--databases");

        assertRefused(dump, target, ErrorCode.BACKUP_NOT_A_DUMP, "names databases of its own", "without --databases");
    }

    @Test
    void backupOfANewerSchemaShouldBeRefused(TestDatabase source, TestDatabase target) throws Exception {
        Path dump = goodBackup(source).files().dump();
        Path stock = folder.resolve("stock.sql");
        new StockClient(source.admin()).dump(source.name(), stock);
        Catalog older = catalogCopy(manifest -> manifest.substring(0, manifest.indexOf("steps:"))
                + manifest.substring(manifest.indexOf("# Where")));

        assertRestoreRefused(dump, target, older, ErrorCode.BACKUP_NEWER_THAN_CATALOG, "democloud 4.1.0", "latest 4.0.0");
        assertRestoreRefused(stock, target, older, ErrorCode.BACKUP_NEWER_THAN_CATALOG, "4.1.0");
    }

    @Test
    void backupOfAnotherProductShouldBeRefused(TestDatabase source, TestDatabase target) throws Exception {
        Path dump = goodBackup(source).files().dump();
        Catalog other = catalogCopy(manifest -> manifest.replace("product: democloud", "product: othercloud"));

        assertRestoreRefused(dump, target, other, ErrorCode.BACKUP_OTHER_PRODUCT, "product democloud", "othercloud");
    }

    @Test
    void restoreOverANonEmptyDatabaseShouldBeRefusedWithoutReplace(TestDatabase source, TestDatabase target)
            throws Exception {
        Path dump = goodBackup(source).files().dump();
        target.create();
        target.execute("CREATE TABLE customer (id INT PRIMARY KEY)", "INSERT INTO customer VALUES (1)");

        assertRestoreRefused(dump, target, Fixtures.CATALOG, ErrorCode.RESTORE_TARGET_NOT_EMPTY, "is not empty", "1 table",
                "customer", "replaces it"); // the engine names no flag: the CLI adds --replace
        assertThat(target.number("SELECT COUNT(*) FROM customer")).isEqualTo(1);
    }

    private static void flipOneBit(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
    }

    private Catalog catalogCopy(UnaryOperator<String> editManifest) throws IOException {
        return Catalog.fromDirectory(TestCatalogs.withManifest(folder, editManifest));
    }
}
