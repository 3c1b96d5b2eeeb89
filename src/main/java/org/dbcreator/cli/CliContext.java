package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.dbcreator.embedded.UserFolders;

/**
 * What the commands may touch of the outside world, injected so that tests run commands in
 * process and read their output: the two streams, the environment, a console for prompts, and
 * the wait of a command that runs until the operator stops it.
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Optional<PasswordPrompt> console,
        StopSignal stop) {

    /** Reads a password without echo; absent when there is no terminal. */
    @FunctionalInterface
    interface PasswordPrompt {
        char[] readPassword(String prompt);
    }

    /**
     * Blocks a long-running command (the demo server) until it should stop. On a terminal that is
     * never: Ctrl-C ends the JVM and shutdown hooks stop the server.
     */
    @FunctionalInterface
    interface StopSignal {
        void await() throws InterruptedException;

        StopSignal NEVER = () -> new CountDownLatch(1).await();
    }

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, Optional<PasswordPrompt> console) {
        this(out, err, env, console, StopSignal.NEVER);
    }

    static CliContext system() {
        Optional<PasswordPrompt> console = Optional.ofNullable(System.console())
                .map(c -> prompt -> c.readPassword("%s", prompt));
        return new CliContext(System.out, System.err, System.getenv(), console);
    }

    /** The user's folders as this environment names them ({@code DBCREATOR_HOME}, XDG variables). */
    UserFolders folders() {
        return UserFolders.from(env);
    }
}
