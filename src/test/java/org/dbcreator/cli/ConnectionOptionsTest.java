package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.TestCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where each connection setting comes from: the command line, else the profile, else the default. */
class ConnectionOptionsTest {

    @TempDir
    Path temp;

    private Map<String, String> env = Map.of();

    private ConnectionOptions.Target resolve(String... args) {
        ConnectionOptions options = CommandLine.populateCommand(new ConnectionOptions(), args);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return options.resolve(new CliContext(nowhere, nowhere, env, Optional.empty()));
    }

    private Path profile(String name, String... lines) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void withoutProfileTheDefaultsShouldApply() {
        ConnectionSettings settings = resolve().settings();

        assertThat(settings).isEqualTo(new ConnectionSettings("127.0.0.1", 3306, "cloud", "root", Secret.empty(),
                TlsMode.PREFERRED, Optional.empty()));
    }

    @Test
    void profileShouldOverrideEveryDefault() throws IOException {
        Files.writeString(temp.resolve("secret"), "from-the-file\n");
        Path file = profile("db.properties", "host=db.example.test", "port=3307", "database=cloud_eu", "user=ops",
                "tls-mode=verify-identity", "tls-ca=ca.pem", "password-file=secret");

        ConnectionSettings settings = resolve("--profile", file.toString()).settings();

        assertThat(settings).isEqualTo(new ConnectionSettings("db.example.test", 3307, "cloud_eu", "ops",
                Secret.of("from-the-file"), TlsMode.VERIFY_IDENTITY, Optional.of(temp.resolve("ca.pem"))));
    }

    @Test
    void commandLineShouldOverrideTheProfile() throws IOException {
        Files.writeString(temp.resolve("secret"), "from-the-file\n");
        Path file = profile("db.properties", "host=db.example.test", "port=3307", "database=cloud_eu", "user=ops",
                "tls-mode=VERIFY_CA", "tls-ca=ca.pem", "password-file=secret");

        ConnectionSettings settings = resolve("--profile", file.toString(), "-H", "other.example.test", "-P", "3308",
                "-d", "cloud_us", "-u", "admin", "--tls-mode", "REQUIRED", "--tls-ca", "/etc/ca.pem").settings();

        assertThat(settings).isEqualTo(new ConnectionSettings("other.example.test", 3308, "cloud_us", "admin",
                Secret.of("from-the-file"), TlsMode.REQUIRED, Optional.of(Path.of("/etc/ca.pem"))));
    }

    @Test
    void passwordSourceOnTheCommandLineShouldWinOverTheProfiles() throws IOException {
        env = Map.of("OPS_PASSWORD", "from-the-variable");
        Files.writeString(temp.resolve("secret"), "from-the-file\n");
        Path file = profile("db.properties", "password-file=secret");

        assertThat(resolve("--profile", file.toString(), "--password-env", "OPS_PASSWORD").settings().password())
                .isEqualTo(Secret.of("from-the-variable"));
    }

    @Test
    void profilePasswordSourceShouldWinOverTheDefaultVariable() throws IOException {
        env = Map.of("DBCREATOR_PASSWORD", "from-the-default-variable", "OPS_PASSWORD", "from-the-variable");
        Path file = profile("db.properties", "password-env=OPS_PASSWORD");

        assertThat(resolve("--profile", file.toString()).settings().password()).isEqualTo(Secret.of("from-the-variable"));
        assertThat(resolve().settings().password()).isEqualTo(Secret.of("from-the-default-variable"));
    }

    @Test
    void unsetVariableNamedByTheProfileShouldSaySoAndNameTheProfile() throws IOException {
        Path file = profile("db.properties", "password-env=OPS_PASSWORD");

        assertThatThrownBy(() -> resolve("--profile", file.toString()))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSWORD_UNAVAILABLE))
                .hasMessageContaining("OPS_PASSWORD").hasMessageContaining(file.toString());
    }

    @Test
    void profileNameShouldBeLookedUpInDbcreatorHome() throws IOException {
        env = Map.of("DBCREATOR_HOME", temp.toString());
        profile("config/profiles/staging.properties", "host=staging.example.test");

        assertThat(resolve("--profile", "staging").settings().host()).isEqualTo("staging.example.test");
    }

    @Test
    void profileNameShouldBeLookedUpInTheXdgConfigFolder() throws IOException {
        env = Map.of("XDG_CONFIG_HOME", temp.resolve("xdg").toString());
        profile("xdg/dbcreator/profiles/staging.properties", "host=staging.example.test");

        assertThat(resolve("--profile", "staging").settings().host()).isEqualTo("staging.example.test");
    }

    @Test
    void profileShouldNameTheCatalogRelativeToItsFolder() throws IOException {
        Path catalog = TestCatalogs.copyOfBundled(temp);
        Path manifest = catalog.resolve("manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("product: democloud", "product: othercloud"));
        Path file = profile("db.properties", "catalog=catalog");

        assertThat(resolve("--profile", file.toString()).catalog().product()).isEqualTo("othercloud");
        assertThat(resolve("--profile", file.toString(), "--catalog", "sql").catalog().product()).isEqualTo("democloud");
    }
}
