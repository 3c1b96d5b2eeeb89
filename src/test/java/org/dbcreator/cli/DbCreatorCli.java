package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        return run(passwordEnv(settings), withConnection(settings, command, more));
    }

    /** The command line of {@code command} with the connection options for {@code settings}. */
    static String[] withConnection(ConnectionSettings settings, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--host", settings.host(), "--port",
                String.valueOf(settings.port()), "--user", settings.user(), "--database", settings.database()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The environment that gives {@code settings}' password. */
    static Map<String, String> passwordEnv(ConnectionSettings settings) {
        return Map.of("DBCREATOR_PASSWORD", settings.password().reveal());
    }

    /** Starts a command that runs until stopped (the demo server) on a thread of its own. */
    static Background inBackground(Map<String, String> env, String... args) {
        return new Background(env, args);
    }

    /** A long-running command: it tells when it waits for Ctrl-C, and {@link #stop()} plays the Ctrl-C. */
    static final class Background implements AutoCloseable {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CountDownLatch waiting = new CountDownLatch(1);
        private final CountDownLatch stop = new CountDownLatch(1);
        private final CompletableFuture<Integer> exit;

        private Background(Map<String, String> env, String... args) {
            CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), env, Optional.empty(), () -> {
                        waiting.countDown();
                        stop.await();
                    });
            exit = CompletableFuture.supplyAsync(() -> new Main(context).run(args));
            exit.whenComplete((code, failure) -> waiting.countDown()); // a command that failed waits for nothing
        }

        /** Blocks until the command waits to be stopped; fails the test if it ended instead. */
        String awaitWaiting(Duration timeout) throws InterruptedException {
            if (!waiting.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("the command did not get ready within " + timeout + "; it printed:\n" + printed());
            }
            if (exit.isDone()) {
                fail("the command ended with exit code " + exit.join() + " instead of waiting:\n" + printed());
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        /** Releases the wait, as Ctrl-C would, and returns the command's result. */
        Result stop() {
            stop.countDown();
            try {
                int code = exit.get(2, TimeUnit.MINUTES);
                return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the command stopped", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the command did not stop cleanly:\n" + printed(), e);
            }
        }

        private String printed() {
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            if (stop.getCount() > 0) {
                stop();
            }
        }
    }
}
