package org.dbcreator.engine;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/** Applies a plan on one connection, skipping what the history shows applied before. */
final class PlanExecutor {

    private final ScriptRunner scripts;
    private final BatchRunner batches;
    private final ProgressListener listener;
    private final RunContext run;
    private final Cancellation cancellation;

    PlanExecutor(Connection connection, JdbcHistory history, RunContext run, ProgressListener listener, BatchPace pace,
            Cancellation cancellation) {
        this.scripts = new ScriptRunner(connection, history, run, listener, cancellation);
        this.batches = new BatchRunner(connection, history, run, listener, pace, cancellation);
        this.listener = listener;
        this.run = run;
        this.cancellation = cancellation;
    }

    /** Returns how many items this run applied. */
    int apply(List<PlanItem> plan, List<AppliedScript> alreadyApplied) {
        Set<String> done = alreadyApplied.stream().map(a -> key(a.kind().name(), a.script())).collect(Collectors.toSet());
        listener.onEvent(new RunPlanned(run.operation(), run.database(), plan.stream()
                .map(item -> planned(item, done.contains(key(item.kind().name(), item.name())))).toList()));
        int applied = 0;
        for (int i = 0; i < plan.size(); i++) {
            PlanItem item = plan.get(i);
            cancellation.throwIfCancelled();
            if (done.contains(key(item.kind().name(), item.name()))) {
                listener.onEvent(new ProgressEvent.ScriptFinished(item.name(), item.description(), 0, true));
                continue;
            }
            if (item instanceof PlanItem.ScriptItem s) {
                scripts.apply(s.script(), i + 1, plan.size());
            } else if (item instanceof PlanItem.JavaItem j) {
                batches.apply(j.work(), j.kind(), j.version(), i + 1, plan.size());
            }
            applied++;
        }
        return applied;
    }

    private static RunPlanned.Item planned(PlanItem item, boolean applied) {
        int statements = item instanceof PlanItem.ScriptItem s ? s.script().statements().size() : -1;
        return new RunPlanned.Item(item.name(), item.kind(), item.version(), statements, applied);
    }

    static boolean isApplied(PlanItem item, List<AppliedScript> applied) {
        return applied.stream().anyMatch(a -> a.kind() == item.kind() && a.script().equals(item.name()));
    }

    private static String key(String kind, String name) {
        return kind + " " + name;
    }
}
