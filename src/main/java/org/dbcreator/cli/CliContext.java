package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.progress.Cancellation;

/**
 * What the commands may touch of the outside world, injected so that tests run commands in
 * process and read their output: the two streams, the environment, a console for prompts, the
 * wait of a command that runs until the operator stops it, and the operator's stop (Ctrl-C) for
 * the long operations.
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Optional<PasswordPrompt> console,
        StopSignal stop, Cancellation cancellation) {

    /** Reads a password without echo; absent when there is no terminal. */
    @FunctionalInterface
    interface PasswordPrompt {
        char[] readPassword(String prompt);
    }

    /**
     * Blocks a long-running command (the demo server) until it should stop: on a terminal, until
     * the first Ctrl-C cancels {@link #cancellation()}.
     */
    @FunctionalInterface
    interface StopSignal {
        void await() throws InterruptedException;

        StopSignal NEVER = () -> new CountDownLatch(1).await();
    }

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, Optional<PasswordPrompt> console) {
        this(out, err, env, console, StopSignal.NEVER);
    }

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, Optional<PasswordPrompt> console,
            StopSignal stop) {
        this(out, err, env, console, stop, Cancellation.none());
    }

    /** The process's own streams and environment; Ctrl-C cancels {@code ctrlC}. */
    static CliContext system(Cancellation ctrlC) {
        Optional<PasswordPrompt> console = Optional.ofNullable(System.console())
                .map(c -> prompt -> c.readPassword("%s", prompt));
        return new CliContext(System.out, System.err, System.getenv(), console, ctrlC::await, ctrlC);
    }

    /** The user's folders as this environment names them ({@code DBCREATOR_HOME}, XDG variables). */
    UserFolders folders() {
        return UserFolders.from(env);
    }
}
