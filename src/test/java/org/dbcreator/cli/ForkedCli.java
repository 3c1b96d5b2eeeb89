package org.dbcreator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.db.ConnectionSettings;

/** {@code dbcreator} in a JVM of its own, as an operator's shell starts it, so that a test can kill it. */
final class ForkedCli {

    private ForkedCli() {}

    /** Starts {@code command} with the connection options for {@code settings}; everything it prints goes to {@code output}. */
    static Process start(ConnectionSettings settings, Path output, String command, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        args.addAll(List.of(DbCreatorCli.withConnection(settings, command, more)));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(DbCreatorCli.passwordEnv(settings));
        return builder.start();
    }
}
