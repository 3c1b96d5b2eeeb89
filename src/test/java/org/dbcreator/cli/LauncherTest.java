package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./dbcreator} launcher at the project root, run by a POSIX sh. */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("dbcreator");

    @TempDir
    Path temp;

    @Test
    void launcherShouldBeExecutable() {
        assertThat(Files.isExecutable(LAUNCHER)).as("executable bit of " + LAUNCHER.toAbsolutePath()).isTrue();
    }

    @Test
    void launcherWithoutTheJarShouldSayHowToBuildIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path project = Files.createDirectories(temp.resolve("project folder"));
        Path copy = Files.copy(LAUNCHER, project.resolve("dbcreator"), StandardCopyOption.COPY_ATTRIBUTES);
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Process process = new ProcessBuilder("/bin/sh", copy.toString(), "--version").directory(elsewhere.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).contains(project.resolve("target/dbcreator.jar").toString(), "mvn -q -DskipTests package");
    }
}
