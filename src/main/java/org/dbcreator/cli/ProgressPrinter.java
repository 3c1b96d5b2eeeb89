package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dbcreator.engine.NodeWait;
import org.dbcreator.engine.PreflightChecked;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Prints an operation's progress as one line per script, for terminals and CI logs alike. Events
 * that only a live display needs (the plan, each statement's start, phase changes, the bounds of a
 * backup or restore) print nothing: the lines stay those of the steps and the waits.
 */
final class ProgressPrinter implements ProgressListener {

    private final PrintStream out;
    private final NextSteps steps;
    private int statementsRun;
    private int statementsSkipped;
    private long lastTableLine = System.nanoTime();

    ProgressPrinter(PrintStream out) {
        this(out, NextSteps.none());
    }

    /** @param steps writes the commands of the checks' fixes with the operator's connection */
    ProgressPrinter(PrintStream out, NextSteps steps) {
        this.out = out;
        this.steps = steps;
    }

    /** The printer of a command: with {@code --json} its progress goes to stderr, so stdout holds the JSON alone. */
    static ProgressPrinter of(CliContext context, boolean json) {
        return new ProgressPrinter(json ? context.err() : context.out());
    }

    /** A line per finished table, and one every few seconds while a large one is under way. */
    private void printTable(ProgressEvent.TableProgress table) {
        long now = System.nanoTime();
        if (table.finished()) {
            out.printf(Locale.ROOT, "  %-32s %,12d rows %10.1f MB%n", Printable.line(table.table()), table.rows(),
                    table.bytes() / 1e6);
        } else if (now - lastTableLine > 5_000_000_000L) {
            out.printf(Locale.ROOT, "  %-32s %,12d rows so far%s%n", Printable.line(table.table()), table.rows(),
                    table.estimatedRemaining().map(d -> ", about " + Math.max(1, d.toSeconds()) + " s left").orElse(""));
        } else {
            return;
        }
        lastTableLine = now;
    }

    @Override
    public void onEvent(ProgressEvent event) {
        if (event instanceof PreflightChecked checked) {
            out.print(PlanRendering.checks(checked.report(), steps));
        } else if (event instanceof ProgressEvent.Notice notice) {
            out.println(Printable.line(notice.message())); // may name nodes, the lock's holder, the server's answer
        } else if (event instanceof ProgressEvent.LockWait wait) {
            out.println(Printable.line(lockWait(wait))); // the blockers' user, host and query come from the server
        } else if (event instanceof ProgressEvent.OrphanWait wait) {
            out.println("Waiting for the interrupted statement, still running on connection " + wait.sessionId() + " ("
                    + wait.waited().toSeconds() + " s).");
        } else if (event instanceof NodeWait wait) {
            out.println(Printable.line(nodeWait(wait))); // node names and reasons come from the registry
        } else if (event instanceof ProgressEvent.ScriptStarted started) {
            statementsRun = 0;
            statementsSkipped = 0;
            String size = started.statements() < 0 ? "batches" : started.statements() + " statements";
            out.printf(Locale.ROOT, "[%d/%d] %s %s (%s) ...%n", started.number(), started.total(),
                    started.kind().toLowerCase(Locale.ROOT), started.script(), size);
        } else if (event instanceof ProgressEvent.StatementDone done) {
            if (done.skipped()) {
                statementsSkipped++;
            } else {
                statementsRun++;
            }
        } else if (event instanceof ProgressEvent.BatchDone batch) {
            statementsRun++;
            if (batch.rows() > 0 && batch.batch() % 50 == 0) {
                out.printf(Locale.ROOT, "      batch %d: %d rows%n", batch.batch() + 1, batch.rows());
            }
        } else if (event instanceof ProgressEvent.TableProgress table) {
            printTable(table);
        } else if (event instanceof ProgressEvent.ScriptFinished finished) {
            if (finished.alreadyApplied()) {
                out.printf(Locale.ROOT, "      %s: already applied%n", finished.script());
            } else {
                out.printf(Locale.ROOT, "      done in %.1f s (%d run%s)%n", finished.millis() / 1000.0, statementsRun,
                        statementsSkipped > 0 ? ", " + statementsSkipped + " already done before" : "");
            }
        }
    }

    static String lockWait(ProgressEvent.LockWait wait) {
        String blockers = !wait.blockersVisible() ? "another session (grant PROCESS to see which)"
                : wait.blockers().isEmpty() ? "another session"
                : wait.blockers().stream().map(ProgressPrinter::blocker).collect(Collectors.joining(", "));
        return wait.where() + " waits for a metadata lock held by " + blockers + ". Letting the nodes' queries through;"
                + " attempt " + wait.attempt() + " in " + wait.retryIn().toMillis() / 1000.0 + " s.";
    }

    private static String blocker(ProgressEvent.Blocker b) {
        return "connection " + b.sessionId() + " (" + b.user() + " from " + b.host() + ", transaction open "
                + b.transactionOpen().toSeconds() + " s, " + b.running().map(q -> "running " + q).orElse("idle") + ")";
    }

    static String nodeWait(NodeWait wait) {
        return "Waiting for the nodes: " + wait.gate().blockers().stream()
                .map(n -> n.name() + " " + n.blocker().orElse("")).collect(Collectors.joining("; ")) + ".";
    }
}
