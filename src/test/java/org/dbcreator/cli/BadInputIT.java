package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of bad input gets its own error code, exit code and advice, and changes nothing:
 * the database's footprint (existence, information_schema, the tool's rows) is the same after.
 */
@ExtendWith(TestDatabaseExtension.class)
class BadInputIT {

    @TempDir
    Path temp;

    private static void assertRefused(DbCreatorCli.Result result, int exitCode, String code, String... phrases) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(exitCode);
        assertThat(result.err()).contains("error " + code + ":").contains(phrases);
    }

    @Test
    void wrongPasswordShouldBeRefusedAndChangeNothing(TestDatabase db) throws SQLException {
        Footprint before = Footprint.of(db);
        ConnectionSettings wrong = db.admin().withUser(db.admin().user(), Secret.of("not-the-password"));

        assertRefused(DbCreatorCli.run(wrong, "deploy"), 31, "AUTHENTICATION_FAILED", "refused user");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void unknownHostShouldBeReported() {
        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "status", "--host", "no-such-host.invalid");
        assertRefused(result, 30, "HOST_UNREACHABLE", "no-such-host.invalid");
    }

    @Test
    void portWithNothingListeningShouldBeReportedAsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "status", "--port", String.valueOf(port));
        assertRefused(result, 30, "CONNECTION_REFUSED", "127.0.0.1:" + port);
    }

    @Test
    void userWithoutPrivilegesShouldBeToldWhichAreMissing(TestDatabase db) throws SQLException {
        db.create();
        ConnectionSettings readOnly = db.createUser("SELECT");
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(readOnly, "deploy");

        assertRefused(result, 42, "INSUFFICIENT_PRIVILEGES", "CREATE", "INSERT", "CREATE VIEW", "CREATE ROUTINE");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"upgrade --skip-backup", "upgrade --backup-to NEW", "deploy", "backup --to NEW", "cleanup"})
    void selectOnlyAccountShouldBeToldWhichPrivilegesAreMissingAndChangeNothing(String command, TestDatabase db)
            throws SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        ConnectionSettings readOnly = db.createUser("SELECT");
        Footprint before = Footprint.of(db);
        Path folder = temp.resolve("new-folder");
        String[] words = command.replace("NEW", folder.toString()).split(" ");

        DbCreatorCli.Result result = DbCreatorCli.run(readOnly, words[0],
                java.util.Arrays.copyOfRange(words, 1, words.length));

        assertRefused(result, 42, "INSUFFICIENT_PRIVILEGES", readOnly.user());
        assertThat(result.err()).as("the missing privileges are named").containsAnyOf("lacks", "needs")
                .containsAnyOf("INSERT", "CREATE");
        assertThat(result.all()).doesNotContain("CONNECTION_LOST", "connection was lost");
        assertThat(Footprint.of(db)).isEqualTo(before);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_lock")).isZero();
        assertThat(folder).doesNotExist();
    }

    @Test
    void invalidDatabaseNameShouldBeRefusedBeforeAnySql(TestDatabase db) throws SQLException {
        Footprint before = Footprint.of(db);
        ConnectionSettings bad = db.admin().withDatabase("x`; DROP DATABASE mysql; --");
        assertRefused(DbCreatorCli.run(bad, "deploy"), 40, "INVALID_IDENTIFIER", "not a valid database name");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void malformedManifestShouldNameFileAndLineAndChangeNothing(TestDatabase db) throws IOException, SQLException {
        Path catalog = copyOfBundledCatalog();
        Files.writeString(catalog.resolve("manifest.yaml"),
                Files.readString(catalog.resolve("manifest.yaml")).replace("to: 4.1.0", "to: four"));
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy", "--catalog", catalog.toString());

        assertRefused(result, 50, "MANIFEST_INVALID", catalog.resolve("manifest.yaml") + ":", "'four' is not a version");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void missingScriptShouldBeNamedAndChangeNothing(TestDatabase db) throws IOException, SQLException {
        Path catalog = copyOfBundledCatalog();
        Files.delete(catalog.resolve("4.1.0/cleanup.sql"));
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy", "--catalog", catalog.toString());

        assertRefused(result, 51, "SCRIPT_MISSING", "4.1.0/cleanup.sql");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void unmanagedNonEmptyDatabaseShouldBeRefusedAndLeftAlone(TestDatabase db) throws SQLException {
        db.create();
        db.execute("CREATE TABLE customer (id INT PRIMARY KEY)", "INSERT INTO customer VALUES (1)");
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy");

        assertRefused(result, 60, "DATABASE_NOT_EMPTY", "base table customer");
        assertThat(Footprint.of(db)).isEqualTo(before);
        assertThat(db.number("SELECT COUNT(*) FROM customer")).isEqualTo(1);
    }

    @Test
    void databaseNewerThanTheCatalogShouldBeRefused(TestDatabase db) throws IOException, SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy").exitCode()).isZero();
        Path olderCatalog = copyOfBundledCatalog();
        String manifest = Files.readString(olderCatalog.resolve("manifest.yaml"));
        Files.writeString(olderCatalog.resolve("manifest.yaml"), manifest.substring(0, manifest.indexOf("steps:"))
                + manifest.substring(manifest.indexOf("# Where")));
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy", "--catalog", olderCatalog.toString());

        assertRefused(result, 61, "DATABASE_NEWER_THAN_CATALOG", "4.3.0");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void databaseOfAnotherProductShouldBeRefused(TestDatabase db) throws IOException, SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy").exitCode()).isZero();
        Path otherProduct = copyOfBundledCatalog();
        Files.writeString(otherProduct.resolve("manifest.yaml"),
                Files.readString(otherProduct.resolve("manifest.yaml")).replace("product: democloud", "product: othercloud"));
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy", "--catalog", otherProduct.toString());

        assertRefused(result, 64, "PRODUCT_MISMATCH", "democloud", "othercloud");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void scriptEditedAfterItWasAppliedShouldBeRefusedNamingTheFile(TestDatabase db) throws IOException, SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        Path edited = copyOfBundledCatalog();
        Path baseline = edited.resolve("4.0.0/create-schema.sql");
        Files.writeString(baseline, Files.readString(baseline) + "\n-- a harmless-looking edit\n");
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0", "--catalog", edited.toString());

        assertRefused(result, 53, "CHECKSUM_MISMATCH", baseline.toString());
        assertThat(Footprint.of(db)).isEqualTo(before);
        assertThat(DbCreatorCli.run(db.admin(), "status", "--catalog", edited.toString()).out())
                .contains("Findings      1", baseline.toString());
    }

    @Test
    void restRatioOutOfRangeShouldBeRefusedAndChangeNothing(TestDatabase db) throws SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        Footprint before = Footprint.of(db);

        assertRefused(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup", "--rest-ratio", "-1"), 40,
                "INVALID_ARGUMENT", "between 0 and 10, not -1.0");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void passwordShouldAppearNeitherInOutputNorInLogs(TestDatabase db) throws IOException, SQLException {
        ConnectionSettings user = db.createUser("ALL PRIVILEGES");
        String password = user.password().reveal();
        Path passwordFile = temp.resolve("password");
        Files.writeString(passwordFile, password + "\n");

        StringBuilder everything = new StringBuilder();
        everything.append(DbCreatorCli.run(user, "deploy", "--verbose").all());
        everything.append(DbCreatorCli.run(user, "status", "--json").all());
        everything.append(DbCreatorCli.run(Map.of(), "status", "--port", String.valueOf(user.port()), "--user",
                user.user(), "--database", user.database(), "--password-file", passwordFile.toString()).all());
        everything.append(DbCreatorCli.run(user.withUser(user.user(), Secret.of(password + "x")), "status").all());

        assertThat(everything.toString()).contains("MANAGED").contains("AUTHENTICATION_FAILED").doesNotContain(password);
        assertThat(Files.readString(Path.of("target/test-logs/tests.log"))).doesNotContain(password);
    }

    private Path copyOfBundledCatalog() throws IOException {
        return TestCatalogs.copyOfBundled(temp);
    }
}
