package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
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

    /** What the launcher's run printed and returned. */
    private record Ran(int exit, String out, String err) {}

    @Test
    void launcherShouldArchiveTheClassesOfItsFirstSuccessfulCommandAndMapThemAfterwards() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path project = projectWithJar();
        Path archive = project.resolve("target/dbcreator.jsa");

        Ran version = run(project, Map.of(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(archive).as("--version loads too little to be worth archiving").doesNotExist();

        Ran failed = run(project, Map.of(), "fail");
        assertThat(failed.exit()).isEqualTo(3);
        assertThat(archive).as("a failed command archives nothing").doesNotExist();

        Ran first = run(project, Map.of(), "status");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).as("the JVM's archiving says nothing on the tool's output").isEqualTo("ran status\n");
        assertThat(archive).exists();
        try (var files = Files.list(project.resolve("target"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .as("no partial archive left behind").containsExactly("dbcreator.jar", "dbcreator.jsa", "lib");
        }

        // -Xshare:on makes the JVM fail rather than run without the archive
        Ran mapped = run(project, Map.of("DBCREATOR_JAVA_OPTIONS", "-Xshare:on"), "status");
        assertThat(mapped.exit()).as(mapped.err()).isZero();
        assertThat(mapped.out()).isEqualTo("ran status\n");
    }

    @Test
    void launcherShouldMakeTheArchiveAgainWhenTheJarIsNewer() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path project = projectWithJar();
        Path archive = project.resolve("target/dbcreator.jsa");
        assertThat(run(project, Map.of(), "status").exit()).isZero();
        FileTime made = Files.getLastModifiedTime(archive);
        Files.setLastModifiedTime(project.resolve("target/dbcreator.jar"), FileTime.fromMillis(made.toMillis() + 60_000));

        Ran stale = run(project, Map.of(), "status");

        assertThat(stale.exit()).isZero();
        assertThat(stale.out()).as("a stale archive is neither used nor complained about").isEqualTo("ran status\n");
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(made);
        assertThat(run(project, Map.of("DBCREATOR_JAVA_OPTIONS", "-Xshare:on"), "status").exit()).isZero();
    }

    @Test
    void launcherShouldKeepTheWizardsArchiveApartFromTheCommands() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path project = projectWithJar();
        Path commands = project.resolve("target/dbcreator.jsa");
        Path wizard = project.resolve("target/dbcreator-wizard.jsa");

        assertThat(run(project, Map.of("DISPLAY", ""), "wizard", "--help").exit()).isZero();
        assertThat(wizard).as("help loads too little to be worth archiving").doesNotExist();
        assertThat(run(project, Map.of("DISPLAY", "", "WAYLAND_DISPLAY", "")).exit()).isZero();
        assertThat(wizard).as("no verb and no display: the help, not the wizard").doesNotExist();

        assertThat(run(project, Map.of("DISPLAY", ":0"), "wizard").out()).isEqualTo("ran wizard\n");
        assertThat(wizard).exists();
        assertThat(commands).as("the wizard's classes are not the commands' archive").doesNotExist();
        assertThat(run(project, Map.of(), "status").exit()).isZero();
        assertThat(commands).exists();

        // -Xshare:on makes the JVM fail rather than run without the archive
        Ran mapped = run(project, Map.of("DBCREATOR_JAVA_OPTIONS", "-Xshare:on", "DISPLAY", ":0"));
        assertThat(mapped.exit()).as(mapped.err()).isZero();
        assertThat(mapped.out()).as("no verb where there is a display: the wizard, with its archive").isEqualTo("ran \n");
        assertThat(run(project, Map.of("DBCREATOR_JAVA_OPTIONS", "-Xshare:on"), "status").exit()).isZero();
    }

    /** A copy of the launcher with a tiny tool in target/dbcreator.jar: prints "ran VERB", exits 3 on "fail". */
    private Path projectWithJar() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.copy(LAUNCHER, project.resolve("dbcreator"), StandardCopyOption.COPY_ATTRIBUTES);
        Path target = Files.createDirectories(project.resolve("target"));
        Files.createDirectories(target.resolve("lib"));
        Path source = Files.writeString(Files.createDirectories(temp.resolve("src")).resolve("Tool.java"), """
                public class Tool {
                    public static void main(String[] args) {
                        if (args.length > 0 && args[0].equals("fail")) {
                            System.exit(3);
                        }
                        System.out.println(args.length > 0 && args[0].equals("--version") ? "0" : "ran " + String.join(" ", args));
                    }
                }
                """);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Tool");
        try (OutputStream file = Files.newOutputStream(target.resolve("dbcreator.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry("Tool.class"));
            jar.write(Files.readAllBytes(classes.resolve("Tool.class")));
            jar.closeEntry();
        }
        Files.setLastModifiedTime(target.resolve("lib"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return project;
    }

    private static Ran run(Path project, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of("/bin/sh",
                project.resolve("dbcreator").toString())));
        builder.command().addAll(List.of(args));
        builder.environment().remove("DBCREATOR_JAVA_OPTIONS");
        builder.environment().putAll(env);
        env.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name); // "" means: not set
            }
        });
        Process process = builder.directory(project.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), out, err);
    }
}
