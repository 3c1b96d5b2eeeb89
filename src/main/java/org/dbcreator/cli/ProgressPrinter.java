package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.dbcreator.engine.PreflightChecked;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/** Prints an operation's progress as one line per script, for terminals and CI logs alike. */
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
        } else if (event instanceof ProgressEvent.ScriptStarted started) {
            statementsRun = 0;
            statementsSkipped = 0;
            String size = started.statements() < 0 ? "batches" : started.statements() + " statements";
            out.printf("[%d/%d] %s %s (%s) ...%n", started.number(), started.total(), started.kind().toLowerCase(),
                    started.script(), size);
        } else if (event instanceof ProgressEvent.StatementDone done) {
            if (done.skipped()) {
                statementsSkipped++;
            } else {
                statementsRun++;
            }
        } else if (event instanceof ProgressEvent.BatchDone batch) {
            statementsRun++;
            if (batch.rows() > 0 && batch.batch() % 50 == 0) {
                out.printf("      batch %d: %d rows%n", batch.batch() + 1, batch.rows());
            }
        } else if (event instanceof ProgressEvent.TableProgress table) {
            printTable(table);
        } else if (event instanceof ProgressEvent.ScriptFinished finished) {
            if (finished.alreadyApplied()) {
                out.printf("      %s: already applied%n", finished.script());
            } else {
                out.printf("      done in %.1f s (%d run%s)%n", finished.millis() / 1000.0, statementsRun,
                        statementsSkipped > 0 ? ", " + statementsSkipped + " already done before" : "");
            }
        }
    }
}
