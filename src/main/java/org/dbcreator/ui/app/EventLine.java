package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dbcreator.engine.NodeWait;
import org.dbcreator.engine.PhaseChanged;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.PreflightChecked;
import org.dbcreator.engine.RunPlanned;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.progress.ProgressEvent;

/**
 * An engine event as one sentence of the log, for an admin who is not a database expert. Every
 * event has one: a record's own text ({@code PhaseChanged[database=...]}) is never shown
 * (LogFeedTest builds every event type there is and checks).
 */
final class EventLine {

    private EventLine() {}

    static String of(ProgressEvent event) {
        if (event instanceof ProgressEvent.Notice notice) {
            return notice.message();
        } else if (event instanceof ProgressEvent.ScriptStarted s && s.statements() < 0) {
            return Messages.get("log.batchesStarted", s.number(), s.total(), kind(s),
                    StepName.withClass(s.script(), s.description()));
        } else if (event instanceof ProgressEvent.ScriptStarted s) {
            return Messages.get("log.scriptStarted", s.number(), s.total(), kind(s), s.script(), s.statements());
        } else if (event instanceof ProgressEvent.ScriptFinished s) {
            String name = StepName.of(s.script(), s.description());
            return s.alreadyApplied() ? Messages.get("log.scriptFinished.applied", name)
                    : Messages.get("log.scriptFinished", name, s.millis());
        } else if (event instanceof ProgressEvent.StatementStarted s) {
            return Messages.get("log.statementStarted", s.script(), s.index() + 1, s.total(), s.line(), s.excerpt());
        } else if (event instanceof ProgressEvent.StatementDone s) {
            return Messages.get(s.skipped() ? "log.statementDone.skipped" : "log.statementDone", s.script(),
                    s.index() + 1, s.total(), s.line(), s.millis());
        } else if (event instanceof ProgressEvent.BatchDone b) {
            return Messages.get("log.batchDone", StepName.of(b.migration(), b.description()), b.batch(), b.rows());
        } else if (event instanceof ProgressEvent.TableProgress t) {
            return Messages.get("log.tableProgress", t.table(), t.rows());
        } else if (event instanceof ProgressEvent.LockWait w) {
            return lockWait(w);
        } else if (event instanceof ProgressEvent.OrphanWait o) {
            return Messages.get("log.orphanWait", o.sessionId(), seconds(o.waited()));
        } else if (event instanceof ProgressEvent.BackupStarted b) {
            return Messages.get("log.backupStarted", b.database(), b.directory());
        } else if (event instanceof ProgressEvent.BackupFinished b) {
            return Messages.get("log.backupFinished", b.database(), ProgressText.count(b.rows()),
                    ProgressText.bytes(b.bytes()), b.dump());
        } else if (event instanceof ProgressEvent.RestoreStarted r) {
            return Messages.get(r.test() ? "log.restoreStarted.test" : "log.restoreStarted", r.file(), r.database());
        } else if (event instanceof ProgressEvent.RestoreFinished r) {
            return Messages.get("log.restoreFinished", r.database(), ProgressText.count(r.rows()));
        } else if (event instanceof ProgressEvent.TablesPlanned t) {
            boolean exact = t.tables().stream().allMatch(ProgressEvent.PlannedTable::exact);
            return Messages.get(exact ? "log.tablesPlanned" : "log.tablesPlanned.estimate", t.tables().size(),
                    ProgressText.count(t.expectedRows()));
        } else if (event instanceof RunPlanned r) {
            long before = r.items().stream().filter(RunPlanned.Item::applied).count();
            return Messages.get("log.runPlanned", operation(r.operation()), r.database(), r.items().size() - before,
                    r.statementsToRun(), before);
        } else if (event instanceof PhaseChanged p) {
            return phaseChanged(p);
        } else if (event instanceof PreflightChecked c) {
            return preflight(c);
        } else if (event instanceof NodeWait w) {
            return Messages.get("log.nodeWait", seconds(w.waited()), seconds(w.patience()), w.gate().blockers().isEmpty()
                    ? Messages.get("log.nodeWait.none") : w.gate().blockers().stream()
                            .map(n -> n.name() + " (" + n.blocker().orElse(n.release()) + ")")
                            .collect(Collectors.joining("; ")));
        }
        // a new kind of event: its name, never its fields (LogFeedTest fails until it has a sentence)
        return Messages.get("log.event", event.getClass().getSimpleName());
    }

    private static String lockWait(ProgressEvent.LockWait w) {
        String waiting = Messages.get("log.lockWait", w.where(), seconds(w.waited()), w.attempt(),
                seconds(w.retryIn()));
        if (!w.blockersVisible()) {
            return waiting + " " + Messages.get("log.lockWait.invisible");
        }
        if (w.blockers().isEmpty()) {
            return waiting;
        }
        return waiting + " " + Messages.get("log.lockWait.heldBy", w.blockers().stream()
                .map(b -> Messages.get("log.blocker", b.sessionId(), b.user(), b.host(), seconds(b.transactionOpen())))
                .collect(Collectors.joining(", ")));
    }

    private static String phaseChanged(PhaseChanged p) {
        DatabaseState s = p.state();
        String phase = Messages.get("log.phase." + s.phase().name(), s.targetVersion(),
                s.schemaVersion().map(Object::toString).orElse(s.targetVersion().toString()));
        String line = Messages.get(p.from().equals(java.util.Optional.of(p.to())) ? "log.phaseChanged.resumed"
                : "log.phaseChanged", p.database(), phase);
        if (s.lowestRelease().isEmpty() || s.highestRelease().isEmpty()) {
            return line;
        }
        return line + " " + (s.lowestRelease().equals(s.highestRelease())
                ? Messages.get("log.phaseChanged.nodes.one", s.lowestRelease().get())
                : Messages.get("log.phaseChanged.nodes", s.lowestRelease().get(), s.highestRelease().get()));
    }

    private static String preflight(PreflightChecked c) {
        List<PreflightCheck> checks = c.report().checks();
        long green = checks.stream().filter(k -> k.verdict() == PreflightCheck.Verdict.GREEN).count();
        StringBuilder line = new StringBuilder(Messages.get("log.preflight",
                operation(c.report().operation().name()), green, checks.size()));
        String amber = titles(checks, PreflightCheck.Verdict.AMBER);
        if (!amber.isEmpty()) {
            line.append(' ').append(Messages.get("log.preflight.amber", amber));
        }
        String red = titles(checks, PreflightCheck.Verdict.RED);
        if (!red.isEmpty()) {
            line.append(' ').append(Messages.get("log.preflight.red", red));
        }
        return line.toString();
    }

    private static String titles(List<PreflightCheck> checks, PreflightCheck.Verdict verdict) {
        return checks.stream().filter(k -> k.verdict() == verdict).map(k -> k.id().title())
                .collect(Collectors.joining(", "));
    }

    /** "sample data" for SAMPLE_DATA, as the deploy page's heading says it. */
    private static String kind(ProgressEvent.ScriptStarted s) {
        return s.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** DEPLOY, UPGRADE, CLEANUP...: the word the wizard uses ("expand" for an upgrade). */
    private static String operation(String name) {
        String key = "operation." + name;
        return Messages.has(key) ? Messages.get(key) : name.toLowerCase(Locale.ROOT);
    }

    private static String seconds(Duration d) {
        return Messages.get("log.seconds", Math.max(0, d.toSeconds()));
    }
}
