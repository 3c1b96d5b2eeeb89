package org.dbcreator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.BatchPace;
import org.dbcreator.engine.CleanupRequest;
import org.dbcreator.engine.DbCreator;

/**
 * The contenders of the benchmarks against the stock client: the engine, the stock client and Flyway, in process
 * and as commands.
 */
final class Contenders {

    /** The benchmark's own classpath: the Flyway command runs with it. */
    private static final String CLASSPATH = System.getProperty("java.class.path");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Contenders() {}

    /** {@code DbCreator.upgrade} then {@code cleanup}, connecting and closing included; the gate is open (no nodes). */
    static Contender engineInProcess(Catalog catalog, EnginePhases phases) {
        return engine(catalog, phases, engine -> {
            // Neither a backup nor the rests between batches are what is measured: the others run back to back.
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip(), BatchPace.FULL_SPEED);
            phases.operationDone();
            engine.cleanup(new CleanupRequest(false, false, Set.of(), false, Optional.empty()));
        });
    }

    /** {@code DbCreator.deploy} of the latest release into an absent database, connecting and closing included. */
    static Contender engineDeploy(Catalog catalog, EnginePhases phases) {
        return engine(catalog, phases, engine -> engine.deploy(Optional.empty()));
    }

    /** Connects, does {@code work} (whose last operation's end is noted here), closes: all of it timed in phases. */
    private static Contender engine(Catalog catalog, EnginePhases phases, Consumer<DbCreator> work) {
        return new Contender() {
            @Override
            public String name() {
                return "engine, in process";
            }

            @Override
            public void run(Target target) {
                phases.start();
                try (DbCreator engine = DbCreator.connect(catalog, target.settings(), phases)) {
                    phases.connected();
                    work.accept(engine);
                    phases.operationDone();
                }
                phases.closed();
            }
        };
    }

    /**
     * {@code java [jvmOptions] -jar target/dbcreator.jar upgrade}, then {@code ... cleanup}: two JVMs, as an
     * operator runs them.
     */
    static Contender engineCommand(Path jar, List<String> jvmOptions) {
        return new Contender() {
            @Override
            public String name() {
                return "engine, 2 commands" + (jvmOptions.isEmpty() ? "" : ", " + String.join(" ", jvmOptions));
            }

            @Override
            public void run(Target target) throws IOException {
                for (String verb : List.of("upgrade", "cleanup")) {
                    List<String> command = new ArrayList<>(List.of(JAVA));
                    command.addAll(jvmOptions);
                    command.addAll(List.of("-jar", jar.toString(), verb));
                    command.addAll(List.of("-H", target.settings().host(), "-P", Integer.toString(target.settings().port()),
                            "-d", target.settings().database(), "-u", target.settings().user(), "--tls-mode", "DISABLED"));
                    if (verb.equals("upgrade")) {
                        command.addAll(List.of("--skip-backup", "--rest-ratio", "0")); // as in process
                    }
                    exec(command, Map.of("DBCREATOR_PASSWORD", target.settings().password().reveal()), null, target, verb);
                }
            }
        };
    }

    /** {@code mariadb DB < file.sql}, the password in MYSQL_PWD. */
    static Contender client(Path client) {
        return new Contender() {
            @Override
            public String name() {
                return "mariadb client";
            }

            @Override
            public void run(Target target) throws IOException {
                exec(List.of(client.toString(), "--no-defaults", "-h", target.settings().host(), "-P",
                        Integer.toString(target.settings().port()), "-u", target.settings().user(), "--skip-ssl",
                        target.settings().database()), Map.of("MYSQL_PWD", target.settings().password().reveal()),
                        target.sql(), target, "client");
            }
        };
    }

    /** Flyway's API in this JVM; only on the classpath with {@code -Pbench}. */
    static Contender flywayInProcess() {
        try {
            return (Contender) Class.forName("org.dbcreator.bench.FlywayContender").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Flyway is not on the classpath: build with -Pbench (docs/benchmarks.md)", e);
        }
    }

    /** {@code java -cp ... FlywayContender URL USER FOLDER}: a new JVM, as a Flyway command line would start. */
    static Contender flywayCommand() {
        return new Contender() {
            @Override
            public String name() {
                return "Flyway, command";
            }

            @Override
            public void run(Target target) throws IOException {
                exec(List.of(JAVA, "-cp", CLASSPATH, "org.dbcreator.bench.FlywayContender", target.jdbcUrl(),
                        target.settings().user(), target.sql().getParent().toString()),
                        Map.of("DBCREATOR_PASSWORD", target.settings().password().reveal()), null, target, "flyway");
            }
        };
    }

    private static void exec(List<String> command, Map<String, String> env, Path stdin, Contender.Target target,
            String what) throws IOException {
        Path log = target.logs().resolve(target.settings().database() + "-" + what + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        builder.environment().putAll(env);
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(what + " exited with " + exit + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
