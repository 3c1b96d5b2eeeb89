package org.dbcreator.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.db.ConnectionSettings;

/** Runs {@code dbcreator} in process, as a user would type it, and keeps what it printed. */
final class DbCreatorCli {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private DbCreatorCli() {}

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Optional.empty());
        int exit = new Main(context).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command with the connection options for {@code settings}; the password goes through the environment. */
    static Result run(ConnectionSettings settings, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--host", settings.host(), "--port",
                String.valueOf(settings.port()), "--user", settings.user(), "--database", settings.database()));
        args.addAll(List.of(more));
        return run(Map.of("DBCREATOR_PASSWORD", settings.password().reveal()), args.toArray(String[]::new));
    }
}
