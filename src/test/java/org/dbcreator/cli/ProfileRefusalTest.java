package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile that cannot be trusted is refused before anything connects, naming the file and the key. */
class ProfileRefusalTest {

    @TempDir
    Path temp;

    private Path profile(String... lines) throws IOException {
        Path file = temp.resolve("db.properties");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void passwordInTheProfileShouldBeRefused() throws IOException {
        Path file = profile("host=db.example.test", "password=hunter2");

        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "status", "--profile", file.toString());

        assertThat(result.exitCode()).isEqualTo(40);
        assertThat(result.err()).contains("error INVALID_ARGUMENT", file.toString(), "'password'", "password-file")
                .doesNotContain("hunter2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pasword=hunter2       | unknown key 'pasword'",
        "Password=hunter2      | key 'password'",
        "tls_mode=REQUIRED     | unknown key 'tls_mode'",
        "port=3306x            | port '3306x' is not a TCP port",
        "port=0                | port '0' is not a TCP port",
        "tls-mode=VERIFY_ALL   | tls-mode 'VERIFY_ALL' is not one of DISABLED, PREFERRED",
        "environment=prod db   | environment 'prod db' is not a label"})
    void badProfileLineShouldBeRefusedNamingFileAndKey(String line, String expected) throws IOException {
        Path file = profile("host=db.example.test", line);

        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "deploy", "--profile", file.toString());

        assertThat(result.exitCode()).isEqualTo(40);
        assertThat(result.err()).contains("error INVALID_ARGUMENT", "profile " + file, expected);
    }

    @Test
    void missingProfileFileShouldSayWhereItWasLookedFor() {
        DbCreatorCli.Result result = DbCreatorCli.run(Map.of("DBCREATOR_HOME", temp.toString()), "status",
                "--profile", "production");

        assertThat(result.exitCode()).isEqualTo(40);
        assertThat(result.err()).contains("There is no connection profile "
                + temp.resolve("config/profiles/production.properties"), "Create it");
    }

    @Test
    void profileNameWithOddCharactersShouldBeRefused() {
        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "status", "--profile", "my profile");

        assertThat(result.exitCode()).isEqualTo(40);
        assertThat(result.err()).contains("'my profile' is not a profile name");
    }

    @Test
    void portOnTheCommandLineShouldOverrideTheProfilesEndToEnd() throws IOException {
        int profilePort = freePort();
        int commandLinePort = freePort();
        while (commandLinePort == profilePort) {
            commandLinePort = freePort();
        }
        Path file = profile("port=" + profilePort);

        DbCreatorCli.Result fromProfile = DbCreatorCli.run(Map.of(), "status", "--profile", file.toString());
        DbCreatorCli.Result overridden = DbCreatorCli.run(Map.of(), "status", "--profile", file.toString(),
                "--port", String.valueOf(commandLinePort));

        assertThat(fromProfile.err()).contains("CONNECTION_REFUSED", "127.0.0.1:" + profilePort);
        assertThat(overridden.err()).contains("CONNECTION_REFUSED", "127.0.0.1:" + commandLinePort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
