package org.dbcreator.ui.app;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import org.dbcreator.ui.backup.BackupViewModel;
import org.dbcreator.ui.expand.ExpandViewModel;

/**
 * What closing the window does while a run is under way: ask first (which run, that it stops
 * between two statements and can be resumed), and on confirmation cancel it through its page (the
 * engine's cancellation) and close once it has stopped, or once the bounded wait is over. With no
 * run under way the window closes at once. The dialog is the view's; this holds the decision.
 */
public final class CloseGuard {

    /** The runs that closing stops, in the order asked about. */
    public enum Run {
        BACKUP("close.ask.backup"), EXPAND("close.ask.expand"), CLEANUP("close.ask.cleanup"), DEPLOY("close.ask.deploy");

        private final String key;

        Run(String key) {
            this.key = key;
        }

        /** The dialog's question for this run. */
        public String question() {
            return Messages.get(key);
        }
    }

    /** One page's run: whether it runs now, and how to ask it to stop. */
    public record Guarded(Run run, ObservableBooleanValue running, Runnable cancel) {}

    private final List<Guarded> runs;
    private Runnable pendingClose;
    private boolean listening;

    public CloseGuard(List<Guarded> runs) {
        this.runs = List.copyOf(runs);
    }

    /** The runs of the wizard's Backup, Expand, Cleanup and Deploy pages. */
    public static CloseGuard of(ShellViewModel model) {
        BackupViewModel backup = model.backup();
        ExpandViewModel expand = model.expand();
        return new CloseGuard(List.of(
                new Guarded(Run.BACKUP, Bindings.createBooleanBinding(backup::isRunning, backup.stateProperty()),
                        backup::cancel),
                new Guarded(Run.EXPAND, Bindings.createBooleanBinding(expand::isRunning, expand.stateProperty()),
                        expand::cancel),
                new Guarded(Run.CLEANUP, model.cleanup().runningProperty(), model.cleanup()::cancel),
                new Guarded(Run.DEPLOY, model.deploy().runningProperty(), model.deploy()::cancel)));
    }

    /** The run closing would stop, if one is under way: then the window asks before closing. */
    public Optional<Run> running() {
        return runs.stream().filter(g -> g.running().get()).map(Guarded::run).findFirst();
    }

    /** The question to ask before closing; empty when nothing runs and the window may close at once. */
    public Optional<String> question() {
        return running().map(Run::question);
    }

    /** Asks every run under way to stop between two statements (none is cut in the middle of one). */
    public void cancelAll() {
        runs.stream().filter(g -> g.running().get()).forEach(g -> g.cancel().run());
    }

    /**
     * "Stop and close": cancels what runs and calls {@code close} (on the UI thread) once every run
     * has stopped, at once when none runs. {@link #timedOut} closes anyway when the wait is over.
     */
    public void stopThenClose(Runnable close) {
        if (!listening) {
            listening = true;
            for (Guarded g : runs) {
                g.running().addListener((o, was, now) -> closeIfStopped());
            }
        }
        pendingClose = close;
        cancelAll();
        closeIfStopped();
    }

    /** The bounded wait is over: closes now if it has not yet (the engine's thread finishes the stop on its own). */
    public void timedOut() {
        closeOnce();
    }

    /** Whether {@link #stopThenClose} was asked and has not closed yet. */
    public boolean stopping() {
        return pendingClose != null;
    }

    private void closeIfStopped() {
        if (running().isEmpty()) {
            closeOnce();
        }
    }

    private void closeOnce() {
        Runnable close = pendingClose;
        pendingClose = null;
        if (close != null) {
            close.run();
        }
    }
}
