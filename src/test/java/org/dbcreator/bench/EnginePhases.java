package org.dbcreator.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dbcreator.engine.PreflightChecked;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Where an in-process engine run's time goes, told apart by its progress events: connecting; the
 * operator lock, the state and the pre-flight checks (up to the "checked" event of each operation);
 * the scripts and the data migrations (each from its start to its end event, journal included);
 * and the rest (state and history writes between them, releasing the lock, closing the pool).
 */
final class EnginePhases implements ProgressListener {

    static final String CONNECT = "connect";
    static final String CHECKS = "lock, state, pre-flight checks";
    static final String SCRIPTS = "scripts (with their journal)";
    static final String MIGRATIONS = "data migrations (with their journal)";
    static final String REST = "state writes, lock release, close";

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private String current;
    private long mark;

    void start() {
        nanos.clear();
        for (String phase : new String[] {CONNECT, CHECKS, SCRIPTS, MIGRATIONS, REST}) {
            nanos.put(phase, 0L);
        }
        current = CONNECT;
        mark = System.nanoTime();
    }

    void connected() {
        switchTo(CHECKS);
    }

    void operationDone() {
        switchTo(CHECKS);
    }

    void closed() {
        switchTo(null);
    }

    @Override
    public void onEvent(ProgressEvent event) {
        if (event instanceof PreflightChecked) {
            switchTo(REST);
        } else if (event instanceof ProgressEvent.ScriptStarted started) {
            switchTo(started.kind().equals("MIGRATION") ? MIGRATIONS : SCRIPTS);
        } else if (event instanceof ProgressEvent.ScriptFinished) {
            switchTo(REST);
        }
    }

    /** The last run's milliseconds per phase. */
    Map<String, Double> millis() {
        Map<String, Double> millis = new LinkedHashMap<>();
        nanos.forEach((phase, n) -> millis.put(phase, n / 1e6));
        return millis;
    }

    private void switchTo(String next) {
        long now = System.nanoTime();
        if (current != null) {
            nanos.merge(current, now - mark, Long::sum);
        }
        current = next;
        mark = now;
    }
}
