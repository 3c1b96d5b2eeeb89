package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.SqlTokens;
import org.dbcreator.db.Sessions;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.JournalEntry.Outcome;

/**
 * Applies one script statement by statement so that the run can stop anywhere and be resumed:
 * a schema statement is journaled before and after it runs (DDL commits by itself); a data
 * statement commits in the same transaction as its journal row. On resume, done statements are
 * skipped and an interrupted schema statement is judged from information_schema.
 */
final class ScriptRunner {

    private final Connection connection;
    private final JdbcHistory history;
    private final RunContext run;
    private final ProgressListener listener;
    private final OrphanWatch orphans;

    ScriptRunner(Connection connection, JdbcHistory history, RunContext run, ProgressListener listener) {
        this.connection = connection;
        this.history = history;
        this.run = run;
        this.listener = listener;
        this.orphans = new OrphanWatch(connection, listener);
    }

    /** Applies every statement not yet done and records the script in the history. */
    void apply(Script script, int number, int total) {
        Instant started = Instant.now();
        List<SqlStatement> statements = script.statements();
        listener.onEvent(new ProgressEvent.ScriptStarted(script.path(), script.kind().name(), number, total,
                statements.size()));
        try {
            PoliteDdl ddl = new PoliteDdl(connection, listener, PoliteDdl.DEFAULT_PATIENCE);
            Map<Integer, JournalEntry> journal = history.journal(connection, run.runId(), script.path());
            long connectionId = Sessions.connectionId(connection);
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                long begin = System.nanoTime();
                boolean ran = applyStatement(script, i, statement, journal.get(i), connectionId, ddl);
                listener.onEvent(new ProgressEvent.StatementDone(script.path(), i, statements.size(), statement.line(),
                        (System.nanoTime() - begin) / 1_000_000, !ran));
            }
            history.recordApplied(connection, new AppliedScript(run.runId(), run.operation(), script.version(),
                    script.kind(), script.path(), script.checksum(), statements.size(), run.installedBy(), started,
                    Instant.now()));
        } catch (SQLException e) {
            throw Failures.ofJournal(e, script.path());
        }
        listener.onEvent(new ProgressEvent.ScriptFinished(script.path(), Instant.now().toEpochMilli()
                - started.toEpochMilli(), false));
    }

    /** Returns false when the statement was already done and so was skipped. */
    private boolean applyStatement(Script script, int index, SqlStatement statement, JournalEntry previous,
            long connectionId, PoliteDdl ddl) throws SQLException {
        String checksum = Script.checksumOf(statement.sql());
        if (previous != null && previous.isDone()) {
            requireUnchanged(script, statement, previous, checksum);
            return false;
        }
        StatementKind kind = StatementKind.of(SqlTokens.of(statement.sql()));
        if (kind == StatementKind.SESSION) {
            execute(script, index, statement); // session state is lost with the connection: always replay
            return true;
        }
        if (previous != null && kind == StatementKind.SCHEMA && isInterruptedAndApplied(script, previous, statement)) {
            history.journalEnd(connection, previous, Outcome.JUDGED_DONE, null);
            return false;
        }
        JournalEntry entry = new JournalEntry(run.runId(), script.path(), index, statement.line(), checksum,
                Outcome.STARTED, connectionId, Optional.empty());
        if (kind == StatementKind.DATA) {
            runDataStatement(script, index, statement, entry.withOutcome(Outcome.DONE));
        } else {
            runSchemaStatement(script, index, statement, entry, ddl);
        }
        return true;
    }

    /** Skipping by position is only right if the statement at that position is the one that ran. */
    private static void requireUnchanged(Script script, SqlStatement statement, JournalEntry done, String checksum) {
        if (!done.checksum().equals(checksum)) {
            throw new DbCreatorException(ErrorCode.CHECKSUM_MISMATCH, script.location() + ":" + statement.line()
                    + " differs from the statement the interrupted run recorded as done there (statement "
                    + (done.index() + 1) + "). Restore the script as it was when the run started.");
        }
    }

    private boolean isInterruptedAndApplied(Script script, JournalEntry previous, SqlStatement statement)
            throws SQLException {
        orphans.awaitGone(previous.connectionId(), run.tag(script.path(), previous.index()));
        DdlEffect effect = new DdlEffectProbe(connection, run.database()).judge(statement.sql());
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

    private void runSchemaStatement(Script script, int index, SqlStatement statement, JournalEntry entry,
            PoliteDdl ddl) throws SQLException {
        history.journalStart(connection, entry);
        try {
            ddl.execute(run.tag(script.path(), index) + statement.sql(), script.path() + ":" + statement.line());
        } catch (SQLException e) {
            DbCreatorException failure = Failures.ofStatement(e, script.path(), statement.line());
            recordFailure(entry, failure);
            throw failure;
        }
        history.journalEnd(connection, entry, Outcome.DONE, null);
    }

    private void runDataStatement(Script script, int index, SqlStatement statement, JournalEntry entry)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            history.journalStart(connection, entry);
            execute(script, index, statement);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void execute(Script script, int index, SqlStatement statement) {
        try (Statement s = connection.createStatement()) {
            s.execute(run.tag(script.path(), index) + statement.sql());
        } catch (SQLException e) {
            throw Failures.ofStatement(e, script.path(), statement.line());
        }
    }

    private void recordFailure(JournalEntry entry, DbCreatorException failure) {
        try {
            history.journalEnd(connection, entry, Outcome.FAILED, failure.getMessage());
        } catch (SQLException ignored) {
            // the connection is gone; the STARTED row is judged on resume
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // a lost connection rolls back by itself
        }
    }

}
