package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.SqlTokens;
import org.dbcreator.db.Sessions;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.JournalEntry.Outcome;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Applies one script statement by statement so that the run can stop anywhere and be resumed.
 * A schema statement's start is journaled before it runs (the server commits it, implicitly, as
 * the statement begins); its end travels with the next journal row when an interruption could be
 * judged from information_schema, else it is committed at once. A data statement commits in the
 * same transaction as its journal row, which is written with the next row sent or before the
 * commit, whichever comes first. A statement the server refused is journaled FAILED, with
 * the server's message, and runs again on resume; only a statement whose outcome is unknown (the
 * connection or the process died during it) is judged.
 */
final class ScriptRunner {

    /** A data statement's row locks are held at most about this long before their commit. */
    private static final long DATA_COMMIT_MILLIS = 200;
    private static final int EXCERPT_CHARS = 100;

    private final Connection connection;
    private final JdbcHistory history;
    private final RunContext run;
    private final ProgressListener listener;
    private final OrphanWatch orphans;
    private final Cancellation cancellation;

    ScriptRunner(Connection connection, JdbcHistory history, RunContext run, ProgressListener listener,
            Cancellation cancellation) {
        this.connection = connection;
        this.history = history;
        this.run = run;
        this.listener = listener;
        this.orphans = new OrphanWatch(connection, listener, cancellation);
        this.cancellation = cancellation;
    }

    /** Applies every statement not yet done and records the script in the history. */
    void apply(Script script, int number, int total) {
        Instant started = Instant.now();
        List<SqlStatement> statements = script.statements();
        listener.onEvent(new ProgressEvent.ScriptStarted(script.path(), "", script.kind().name(), number, total,
                statements.size(), OptionalLong.empty()));
        JournalBuffer buffer = new JournalBuffer(connection, history);
        try {
            connection.setAutoCommit(false);
            PoliteDdl ddl = new PoliteDdl(connection, listener, PoliteDdl.DEFAULT_PATIENCE, run.nodesMayRun(),
                    cancellation);
            Map<Integer, JournalEntry> journal = history.journal(connection, run.runId(), script.path());
            long connectionId = Sessions.connectionId(connection);
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                stopIfCancelled(buffer);
                long begin = System.nanoTime();
                boolean ran = applyStatement(script, i, statement, journal.get(i), connectionId, ddl, buffer);
                listener.onEvent(new ProgressEvent.StatementDone(script.path(), i, statements.size(), statement.line(),
                        (System.nanoTime() - begin) / 1_000_000, !ran));
            }
            ddl.relax();
            AppliedScript applied = new AppliedScript(run.runId(), run.operation(), script.version(),
                    script.kind(), script.path(), script.checksum(), statements.size(), run.installedBy(), started,
                    Instant.now());
            if (script.kind() == ScriptKind.ROLLBACK) {
                history.recordRolledBack(connection, applied); // the step's expand is no longer in effect
            } else {
                history.recordApplied(connection, applied);
            }
            buffer.commit();
        } catch (SQLException e) {
            abandon(buffer);
            throw Failures.ofJournal(e, script.path());
        } catch (RuntimeException e) {
            abandon(buffer);
            throw e;
        } finally {
            restoreAutoCommit();
        }
        listener.onEvent(new ProgressEvent.ScriptFinished(script.path(), "", Instant.now().toEpochMilli()
                - started.toEpochMilli(), false));
    }

    /** Between statements: what ran is committed with its journal rows, and the run stops as asked. */
    private void stopIfCancelled(JournalBuffer buffer) throws SQLException {
        if (cancellation.isCancelled()) {
            buffer.commit();
            cancellation.throwIfCancelled();
        }
    }

    /** Returns false when the statement was already done and so was skipped. */
    private boolean applyStatement(Script script, int index, SqlStatement statement, JournalEntry previous,
            long connectionId, PoliteDdl ddl, JournalBuffer buffer) throws SQLException {
        String checksum = Script.checksumOf(statement.sql());
        if (previous != null && previous.isDone()) {
            requireUnchanged(script, statement, previous, checksum);
            return false;
        }
        SqlTokens tokens = SqlTokens.of(statement.sql());
        StatementKind kind = StatementKind.of(tokens);
        if (kind == StatementKind.SESSION && script.isUseOfOwnDatabase(statement)) {
            // Written for `mysql cloud < file`; sent, it would switch to that name whatever the target is
            listener.onEvent(new ProgressEvent.Notice(script.path() + ":" + statement.line() + ": '"
                    + statement.sql().strip() + "' names the product's own database; it is not sent, the run stays in '"
                    + run.database() + "'."));
            return false;
        }
        if (kind == StatementKind.SESSION) {
            started(script, index, statement);
            execute(script, index, statement); // session state is lost with the connection: always replay
            return true;
        }
        if (previous != null && previous.outcome() == Outcome.FAILED) {
            listener.onEvent(new ProgressEvent.Notice("Resuming " + script.path() + " at line " + statement.line()
                    + ": the server refused this statement last time" + previous.error().map(e -> " (" + e + ")")
                    .orElse("") + "; it runs again."));
        } else if (previous != null && kind == StatementKind.SCHEMA && isInterruptedAndApplied(script, previous,
                statement, tokens)) {
            buffer.end(previous.withOutcome(Outcome.JUDGED_DONE));
            return false;
        }
        JournalEntry entry = new JournalEntry(run.runId(), script.path(), index, statement.line(), checksum,
                Outcome.STARTED, connectionId, Optional.empty());
        started(script, index, statement);
        if (kind == StatementKind.DATA) {
            runDataStatement(script, index, statement, entry, ddl, buffer);
        } else {
            runSchemaStatement(script, index, statement, tokens, entry, ddl, buffer);
        }
        return true;
    }

    /** Only a statement that is sent starts: one the journal shows done gets its skipped end only. */
    private void started(Script script, int index, SqlStatement statement) {
        listener.onEvent(new ProgressEvent.StatementStarted(script.path(), index, script.statements().size(),
                statement.line(), excerpt(statement.sql())));
    }

    /** The statement's start on one line, as a live log shows a statement under way; reads no further than that. */
    static String excerpt(String sql) {
        StringBuilder line = new StringBuilder(EXCERPT_CHARS);
        boolean space = false;
        for (int i = 0; i < sql.length() && line.length() <= EXCERPT_CHARS; i++) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                space = line.length() > 0;
            } else {
                line.append(space ? " " : "").append(c);
                space = false;
            }
        }
        return line.length() <= EXCERPT_CHARS ? line.toString() : line.substring(0, EXCERPT_CHARS - 3) + "...";
    }

    /** Skipping by position is only right if the statement at that position is the one that ran. */
    private static void requireUnchanged(Script script, SqlStatement statement, JournalEntry done, String checksum) {
        if (!done.checksum().equals(checksum)) {
            throw new DbCreatorException(ErrorCode.CHECKSUM_MISMATCH, script.location() + ":" + statement.line()
                    + " differs from the statement the interrupted run recorded as done there (statement "
                    + (done.index() + 1) + "). Restore the script as it was when the run started.");
        }
    }

    /** The run stopped while the statement was on the server: did it take effect? */
    private boolean isInterruptedAndApplied(Script script, JournalEntry previous, SqlStatement statement,
            SqlTokens tokens) throws SQLException {
        orphans.awaitGone(previous.connectionId(), run.tag(script.path(), previous.index()));
        DdlEffect effect = new DdlEffectProbe(connection, run.database()).judge(tokens);
        listener.onEvent(new ProgressEvent.Notice("Resuming " + script.path() + " at line " + statement.line()
                + ": the interrupted statement " + describe(effect)));
        if (effect == DdlEffect.UNKNOWN) {
            throw new DbCreatorException(ErrorCode.STATE_UNKNOWN, "The run stopped during the statement at "
                    + script.path() + ":" + statement.line() + " and its effect cannot be read from"
                    + " information_schema. Compare the database with that statement before going on.");
        }
        return effect == DdlEffect.APPLIED;
    }

    private static String describe(DdlEffect effect) {
        return switch (effect) {
            case APPLIED -> "took effect; it is recorded as done.";
            case NOT_APPLIED -> "did not take effect; it runs again.";
            case RERUN_SAFE -> "is safe to repeat; it runs again.";
            case UNKNOWN -> "cannot be judged.";
        };
    }

    private void runSchemaStatement(Script script, int index, SqlStatement statement, SqlTokens tokens,
            JournalEntry entry, PoliteDdl ddl, JournalBuffer buffer) throws SQLException {
        boolean commitsBefore = StatementKind.commitsBeforeRunning(tokens);
        buffer.send(entry);
        if (!commitsBefore) {
            buffer.commit(); // nothing else makes the start durable before the statement runs
        }
        try {
            ddl.execute(run.tag(script.path(), index) + statement.sql(), script.path() + ":" + statement.line());
        } catch (SQLException e) {
            // a refused CALL's work is undone; a refused DDL left nothing open but its journal rows
            throw refused(script, statement, entry, e, buffer, !commitsBefore);
        } catch (DbCreatorException e) {
            if (e.code() == ErrorCode.CANCELLED) {
                withdraw(entry, buffer, !commitsBefore);
            }
            throw e;
        }
        buffer.end(entry.withOutcome(Outcome.DONE));
        if (commitsBefore && DdlEffectProbe.canJudge(tokens, run.database())) {
            buffer.committed(); // the statement committed; its end rides with the next row
        } else {
            buffer.commit(); // an interruption now could not be judged: record the end at once
        }
    }

    private void runDataStatement(Script script, int index, SqlStatement statement, JournalEntry entry,
            PoliteDdl ddl, JournalBuffer buffer) throws SQLException {
        ddl.relax();
        if (buffer.dataWaitingMillis() > DATA_COMMIT_MILLIS) {
            buffer.commit();
        }
        try (Statement s = connection.createStatement()) {
            s.execute(run.tag(script.path(), index) + statement.sql());
        } catch (SQLException e) {
            throw refused(script, statement, entry, e, buffer, true);
        }
        buffer.dataDone(entry.withOutcome(Outcome.DONE)); // written in this transaction before it commits
    }

    /**
     * Records a refusal as FAILED with the server's answer, so that the next run runs the statement
     * again rather than judging it. A lost connection is not a refusal: the statement's outcome is
     * unknown and its start, if the server got it, is judged on resume.
     */
    private DbCreatorException refused(Script script, SqlStatement statement, JournalEntry entry, SQLException e,
            JournalBuffer buffer, boolean undoOpenWork) {
        DbCreatorException failure = Failures.ofStatement(e, script.path(), statement.line());
        if (failure.code() == ErrorCode.CONNECTION_LOST) {
            return failure;
        }
        try {
            if (undoOpenWork) {
                buffer.rollback(); // the data statement's row goes with its work
            }
            buffer.end(new JournalEntry(entry.runId(), entry.script(), entry.index(), entry.line(), entry.checksum(),
                    Outcome.FAILED, entry.connectionId(), Optional.of(failure.getMessage())));
            history.recordFailure(connection, entry, e.getErrorCode(), e.getSQLState(), e.getMessage());
            buffer.commit();
        } catch (SQLException lost) {
            failure.addSuppressed(lost); // the connection went too: the start is judged on resume
        }
        return failure;
    }

    /**
     * The statement was cancelled while it waited for its lock, so it never ran: its start goes
     * from the journal, and a rerun meets it as a statement not yet reached rather than one to judge.
     */
    private void withdraw(JournalEntry entry, JournalBuffer buffer, boolean undoOpenWork) throws SQLException {
        if (undoOpenWork) {
            buffer.rollback();
        }
        history.withdrawStart(connection, entry);
        buffer.commit();
    }

    private void execute(Script script, int index, SqlStatement statement) {
        try (Statement s = connection.createStatement()) {
            s.execute(run.tag(script.path(), index) + statement.sql());
        } catch (SQLException e) {
            throw Failures.ofStatement(e, script.path(), statement.line());
        }
    }

    /**
     * After a failure: undoes the open transaction's data work (as a crash would) and records the
     * ends of the statements that did run, which are true whatever happens next.
     */
    private void abandon(JournalBuffer buffer) {
        try {
            buffer.rollback();
            buffer.commit();
        } catch (SQLException ignored) {
            // the connection is gone: the server rolled back, and unrecorded ends are judged on resume
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a lost connection is reported by what failed before
        }
    }
}
