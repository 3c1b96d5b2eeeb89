package org.dbcreator.bench;

import java.util.ArrayList;
import java.util.List;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * When each script, data migration and schema statement of an engine operation ran, from its
 * progress events, so that a slow unit of node work can be placed against what the engine was
 * doing meanwhile. Time outside any script or migration is the engine's own (checks, state).
 */
final class OperationTimeline implements ProgressListener {

    /** Something the engine did from {@code startNanos} to {@code endNanos}. */
    record Span(String label, long startNanos, long endNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        boolean overlaps(long from, long to) {
            return startNanos < to && endNanos > from;
        }
    }

    static final String ENGINE = "engine: lock, checks, state";

    private final List<Span> items = new ArrayList<>();
    private final List<Span> statements = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private long start;
    private long end;
    private String openItem;
    private long openedAt;
    private long batches;

    void start() {
        items.clear();
        statements.clear();
        notices.clear();
        batches = 0;
        start = System.nanoTime();
    }

    void end() {
        end = System.nanoTime();
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        long now = System.nanoTime();
        if (event instanceof ProgressEvent.ScriptStarted started) {
            openItem = shortName(started.script());
            openedAt = now;
        } else if (event instanceof ProgressEvent.ScriptFinished finished && openItem != null) {
            items.add(new Span(openItem, openedAt, now));
            openItem = null;
        } else if (event instanceof ProgressEvent.StatementDone done && !done.skipped()) {
            statements.add(new Span(shortName(done.script()) + " line " + done.line(), now - done.millis() * 1_000_000, now));
        } else if (event instanceof ProgressEvent.BatchDone) {
            batches++;
        } else if (event instanceof ProgressEvent.Notice notice) {
            notices.add(String.format("+%.1f s %s", (now - start) / 1e9, notice.message()));
        }
    }

    long startNanos() {
        return start;
    }

    long endNanos() {
        return end;
    }

    /** The scripts and migrations in order, with the engine's own time between them as spans of their own. */
    synchronized List<Span> itemsAndGaps() {
        List<Span> all = new ArrayList<>();
        long at = start;
        for (Span item : items) {
            if (item.startNanos() > at) {
                all.add(new Span(ENGINE, at, item.startNanos()));
            }
            all.add(item);
            at = item.endNanos();
        }
        if (end > at) {
            all.add(new Span(ENGINE, at, end));
        }
        return all;
    }

    /** What the engine ran while a unit of work waited from {@code from} to {@code to}: statements first, else items. */
    synchronized String during(long from, long to) {
        List<String> found = new ArrayList<>();
        for (Span s : statements) {
            if (s.overlaps(from, to)) {
                found.add(s.label() + String.format(" (%.2f s)", s.seconds()));
            }
        }
        if (found.isEmpty()) {
            for (Span s : itemsAndGaps()) {
                if (s.overlaps(from, to)) {
                    found.add(s.label());
                }
            }
        }
        return found.isEmpty() ? "outside the operation" : String.join(" + ", found);
    }

    synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    synchronized long batches() {
        return batches;
    }

    /** "4.2.0/expand.sql" stays; "org.dbcreator.demo.BackfillEventSeverity" becomes "BackfillEventSeverity". */
    private static String shortName(String script) {
        int dot = script.lastIndexOf('.');
        return script.contains("/") || dot < 0 ? script : script.substring(dot + 1);
    }
}
