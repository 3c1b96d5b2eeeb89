package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands may touch of the outside world, injected so that tests run commands in
 * process and read their output: the two streams, the environment, and a console for prompts.
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Optional<PasswordPrompt> console) {

    /** Reads a password without echo; absent when there is no terminal. */
    @FunctionalInterface
    interface PasswordPrompt {
        char[] readPassword(String prompt);
    }

    static CliContext system() {
        Optional<PasswordPrompt> console = Optional.ofNullable(System.console())
                .map(c -> prompt -> c.readPassword("%s", prompt));
        return new CliContext(System.out, System.err, System.getenv(), console);
    }
}
