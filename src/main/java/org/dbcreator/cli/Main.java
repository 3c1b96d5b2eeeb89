package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import picocli.CommandLine;
import sun.misc.Signal;

/** The {@code dbcreator} command. {@link #main} is the only place that exits the JVM. */
public final class Main {

    private final CliContext context;

    Main(CliContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        Cancellation ctrlC = new Cancellation();
        onCtrlC(ctrlC, System.err);
        System.exit(new Main(CliContext.system(ctrlC)).run(args));
    }

    /**
     * The first Ctrl-C (SIGINT) stops the running operation cleanly through the same cancellation a
     * wizard's Cancel button uses, and the command ends with CANCELLED; a second one exits at once,
     * running the shutdown hooks (an embedded server still stops). Where the JVM keeps SIGINT to
     * itself (-Xrs) or it is ignored (nohup), Ctrl-C keeps its default meaning.
     */
    private static void onCtrlC(Cancellation cancellation, PrintStream err) {
        AtomicInteger presses = new AtomicInteger();
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (presses.incrementAndGet() == 1) {
                    err.println();
                    err.println("Stopping at the next point where nothing is half-done (about a second) ..."
                            + " Press Ctrl-C again to exit at once.");
                    cancellation.cancel();
                } else {
                    err.println("Exiting at once.");
                    Runtime.getRuntime().exit(ErrorCode.CANCELLED.exitCode());
                }
            });
        } catch (IllegalArgumentException unavailable) {
            // Ctrl-C ends the JVM as it does by default
        }
    }

    /** Runs one command line and returns its exit code; output goes to the context's streams. */
    int run(String... args) {
        if (java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.dbcreator"))
                    .setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
        CommandLine line = CommandTree.forArguments(context, args);
        line.setOut(new java.io.PrintWriter(context.out(), true));
        line.setErr(new java.io.PrintWriter(context.err(), true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        boolean json = java.util.Arrays.asList(args).contains(JsonOption.NAME);
        line.setExecutionExceptionHandler((failure, commandLine, parseResult) -> report(failure, commandLine, json));
        line.setParameterExceptionHandler((failure, arguments) -> {
            if (json) {
                context.out().println(ErrorRendering.usageJson(UsageErrors.message(failure),
                        failure.getCommandLine().getCommandSpec().qualifiedName()));
            }
            return UsageErrors.report(failure, context.err());
        });
        return line.execute(args);
    }

    /** The error on standard error; with --json also as JSON on standard output, where the result would be. */
    private int report(Exception failure, CommandLine command, boolean json) {
        if (failure instanceof DbCreatorException known) {
            NextSteps steps = nextSteps(command);
            context.err().print(ErrorRendering.text(known, steps));
            if (json) {
                context.out().println(ErrorRendering.json(known, steps));
            }
            return known.code().exitCode();
        }
        context.err().println("error INTERNAL: " + Printable.line(failure.toString()));
        failure.printStackTrace(context.err());
        if (json) {
            context.out().println(ErrorRendering.json(failure));
        }
        return 1;
    }

    /** The fix's commands carry the connection the operator gave to the failed command, if it takes one. */
    private NextSteps nextSteps(CommandLine command) {
        CommandLine.Model.CommandSpec mixin = command.getCommandSpec().mixins().get("connection");
        java.util.Map<String, String> given = mixin != null && mixin.userObject() instanceof ConnectionOptions options
                ? options.given() : java.util.Map.of();
        return NextSteps.of(context, given);
    }
}
