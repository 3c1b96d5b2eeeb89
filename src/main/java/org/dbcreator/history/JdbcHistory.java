package org.dbcreator.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.Identifiers;

/**
 * The tool's tables in the product database. Every statement names the database explicitly, so
 * that the journal lands in the target whatever a script did to the session's default database.
 * Methods take the connection so that a journal row can commit in the same transaction as the
 * statement it records.
 */
public final class JdbcHistory {

    public static final String NODE_CONTRACT_QUERY = ToolTables.NODE_CONTRACT_QUERY;

    private static final DateTimeFormatter DATETIME_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private final String database;
    private final String stateTable;
    private final String historyTable;
    private final String journalTable;
    private final String failureTable;
    private final String auditTable;
    private final String backupTable;

    /** @param database the product database whose tool tables these are */
    public JdbcHistory(String database) {
        this.database = database;
        this.stateTable = qualified(ToolTables.STATE);
        this.historyTable = qualified(ToolTables.HISTORY);
        this.journalTable = qualified(ToolTables.JOURNAL);
        this.failureTable = qualified(ToolTables.FAILURE);
        this.auditTable = qualified(ToolTables.AUDIT);
        this.backupTable = qualified(ToolTables.BACKUP);
    }

    private String qualified(String table) {
        return Identifiers.quote(database) + "." + table;
    }

    /** True when the database has the state table, i.e. DatabaseCreator manages it. */
    public boolean isManaged(Connection c) throws SQLException {
        return tableExists(c, ToolTables.STATE) && readState(c).isPresent();
    }

    public void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : ToolTables.CREATE) {
                s.execute(ddl.replaceFirst("IF NOT EXISTS (dbcreator_\\w+)", "IF NOT EXISTS " + Identifiers.quote(database) + ".$1"));
            }
        }
    }

    public Optional<DatabaseState> readState(Connection c) throws SQLException {
        if (!tableExists(c, ToolTables.STATE)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT product, schema_version, target_version, phase, lowest_release, highest_release, run_id,"
                        + " run_options, updated_at FROM " + stateTable + " WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new DatabaseState(rs.getString(1), version(rs.getString(2)),
                    Version.parse(rs.getString(3)), Phase.valueOf(rs.getString(4)), version(rs.getString(5)),
                    version(rs.getString(6)), Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                    rs.getTimestamp(9).toInstant()));
        }
    }

    public void writeState(Connection c, DatabaseState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + stateTable + " " + """
                 (id, product, schema_version, target_version, phase, lowest_release,
                                             highest_release, run_id, run_options, updated_at)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE product = VALUES(product), schema_version = VALUES(schema_version),
                  target_version = VALUES(target_version), phase = VALUES(phase),
                  lowest_release = VALUES(lowest_release), highest_release = VALUES(highest_release),
                  run_id = VALUES(run_id), run_options = VALUES(run_options), updated_at = VALUES(updated_at)""")) {
            ps.setString(1, state.product());
            ps.setString(2, text(state.schemaVersion()));
            ps.setString(3, state.targetVersion().toString());
            ps.setString(4, state.phase().name());
            ps.setString(5, text(state.lowestRelease()));
            ps.setString(6, text(state.highestRelease()));
            ps.setString(7, state.runId().orElse(null));
            ps.setString(8, state.runOptions().orElse(null));
            bindInstant(ps, 9, state.updatedAt());
            ps.executeUpdate();
        }
    }

    /** Every script applied in full, oldest first. */
    public List<AppliedScript> applied(Connection c) throws SQLException {
        List<AppliedScript> applied = new ArrayList<>();
        if (!tableExists(c, ToolTables.HISTORY)) {
            return applied;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT run_id, operation, version, kind, script, checksum, statements, installed_by, started_at,
                       finished_at FROM""" + " " + historyTable + " ORDER BY id")) {
            while (rs.next()) {
                applied.add(new AppliedScript(rs.getString(1), rs.getString(2), Version.parse(rs.getString(3)),
                        ScriptKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()));
            }
        }
        return applied;
    }

    public void recordApplied(Connection c, AppliedScript script) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + historyTable + " " + """
                 (run_id, operation, version, kind, script, checksum, statements,
                                               installed_by, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, script.runId());
            ps.setString(2, script.operation());
            ps.setString(3, script.version().toString());
            ps.setString(4, script.kind().name());
            ps.setString(5, script.script());
            ps.setString(6, script.checksum());
            ps.setInt(7, script.statements());
            ps.setString(8, script.installedBy());
            bindInstant(ps, 9, script.startedAt());
            bindInstant(ps, 10, script.finishedAt());
            ps.executeUpdate();
        }
    }

    /**
     * Records a rollback script applied in full, in the caller's transaction: the expand and data
     * migrations of its step leave the history (they are no longer in effect, so a later upgrade
     * applies them again), an earlier rollback of the same step gives way to this one, and the
     * audit keeps what was undone, by whom and when.
     */
    public void recordRolledBack(Connection c, AppliedScript rollback) throws SQLException {
        List<String> undone = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, script, installed_by, finished_at FROM " + historyTable
                + " WHERE version = ? AND kind IN ('EXPAND', 'MIGRATION') ORDER BY id")) {
            ps.setString(1, rollback.version().toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    undone.add(rs.getString(1).toLowerCase() + " " + rs.getString(2) + " (applied by " + rs.getString(3)
                            + " at " + rs.getTimestamp(4).toInstant() + ")");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + historyTable
                + " WHERE (version = ? AND kind IN ('EXPAND', 'MIGRATION')) OR (script = ? AND kind = 'ROLLBACK')")) {
            ps.setString(1, rollback.version().toString());
            ps.setString(2, rollback.script());
            ps.executeUpdate();
        }
        recordApplied(c, rollback);
        recordDecision(c, rollback.installedBy(), "ROLLBACK", "Step to " + rollback.version() + " rolled back by "
                + rollback.script() + " (run " + rollback.runId() + "); undone: "
                + (undone.isEmpty() ? "an interrupted expand" : String.join("; ", undone)) + ".");
    }

    /** The journal of one script in one run, by statement index. */
    public Map<Integer, JournalEntry> journal(Connection c, String runId, String script) throws SQLException {
        Map<Integer, JournalEntry> entries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT statement_index, statement_line, statement_checksum, outcome, connection_id, error
                  FROM""" + " " + journalTable + " WHERE run_id = ? AND script = ?")) {
            ps.setString(1, runId);
            ps.setString(2, script);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getInt(1), new JournalEntry(runId, script, rs.getInt(1), rs.getInt(2),
                            rs.getString(3), JournalEntry.Outcome.valueOf(rs.getString(4)), rs.getLong(5),
                            Optional.ofNullable(rs.getString(6))));
                }
            }
        }
        return entries;
    }

    /** The statements of a run that were started but never recorded as ended. */
    public List<JournalEntry> unfinished(Connection c, String runId) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        if (!tableExists(c, ToolTables.JOURNAL)) {
            return entries;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT script, statement_index, statement_line, statement_checksum, outcome, connection_id, error
                  FROM""" + " " + journalTable + " WHERE run_id = ? AND outcome IN ('STARTED', 'FAILED') ORDER BY started_at")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new JournalEntry(runId, rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                            JournalEntry.Outcome.valueOf(rs.getString(5)), rs.getLong(6),
                            Optional.ofNullable(rs.getString(7))));
                }
            }
        }
        return entries;
    }

    /** Records a statement's start (or re-start after a failure); the row ends as DONE or FAILED. */
    public void journalStart(Connection c, JournalEntry entry) throws SQLException {
        writeJournal(c, List.of(entry));
    }

    /**
     * Writes journal rows in one round trip: a start, an end, or an end that travels with the next
     * statement's start. A STARTED row (re)starts its statement's clock; an end keeps the start it
     * finishes; a FAILED row carries the server's message.
     */
    public void writeJournal(Connection c, List<JournalEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String row = "(?, ?, ?, ?, ?, ?, ?, NOW(3), IF(? = 'STARTED', NULL, NOW(3)), ?)";
        // MariaDB and MySQL assign left to right: started_at reads the old outcome, so outcome comes last
        String sql = "INSERT INTO " + journalTable + " " + """
                 (run_id, script, statement_index, statement_line, statement_checksum, outcome, connection_id,
                  started_at, finished_at, error)
                VALUES""" + " " + String.join(", ", Collections.nCopies(entries.size(), row)) + " " + """
                 ON DUPLICATE KEY UPDATE
                  started_at = IF(VALUES(outcome) <> 'STARTED' AND outcome = 'STARTED', started_at, VALUES(started_at)),
                  statement_line = VALUES(statement_line), statement_checksum = VALUES(statement_checksum),
                  connection_id = VALUES(connection_id), finished_at = VALUES(finished_at), error = VALUES(error),
                  outcome = VALUES(outcome)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 0;
            for (JournalEntry entry : entries) {
                ps.setString(++p, entry.runId());
                ps.setString(++p, entry.script());
                ps.setInt(++p, entry.index());
                ps.setInt(++p, entry.line());
                ps.setString(++p, entry.checksum());
                ps.setString(++p, entry.outcome().name());
                ps.setLong(++p, entry.connectionId());
                ps.setString(++p, entry.outcome().name());
                ps.setString(++p, entry.error().map(e -> truncate(e, 2000)).orElse(null));
            }
            ps.executeUpdate();
        }
    }

    /**
     * Removes the start of a statement that never ran (cancelled while it waited for its lock):
     * the journal then shows it as not reached, so a rerun runs it rather than judging it.
     */
    public void withdrawStart(Connection c, JournalEntry entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + journalTable
                + " WHERE run_id = ? AND script = ? AND statement_index = ? AND outcome = 'STARTED'")) {
            ps.setString(1, entry.runId());
            ps.setString(2, entry.script());
            ps.setInt(3, entry.index());
            ps.executeUpdate();
        }
    }

    /**
     * Keeps the server's answer to a refused statement, one row per attempt, so that the history
     * of a statement that failed, was fixed and ran again is never overwritten.
     */
    public void recordFailure(Connection c, JournalEntry entry, int errorCode, String sqlState, String message)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + failureTable + " " + """
                 (run_id, script, statement_index, statement_line, failed_at, error_code, sql_state, message)
                VALUES (?, ?, ?, ?, NOW(3), ?, ?, ?)""")) {
            ps.setString(1, entry.runId());
            ps.setString(2, entry.script());
            ps.setInt(3, entry.index());
            ps.setInt(4, entry.line());
            ps.setInt(5, errorCode);
            ps.setString(6, sqlState);
            ps.setString(7, truncate(message == null ? "" : message, 2000));
            ps.executeUpdate();
        }
    }

    /** Records an operator's decision that overrides a safety check, e.g. excluding a stale node. */
    public void recordDecision(Connection c, String operator, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + auditTable + " (at, operator, action, detail) VALUES (NOW(3), ?, ?, ?)")) {
            ps.setString(1, operator);
            ps.setString(2, action);
            ps.setString(3, truncate(detail, 1024));
            ps.executeUpdate();
        }
    }

    /**
     * The decisions of one kind recorded for one run, oldest first. The audit has no run column (it
     * predates runs being named there): a decision that belongs to a run names it in its detail, as
     * {@link AuditEntry#runMarker} writes it, so older rows simply match no run.
     */
    public List<AuditEntry> decisionsOfRun(Connection c, String action, String runId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at, operator, action, detail FROM " + auditTable
                + " WHERE action = ? AND LOCATE(?, detail) > 0 ORDER BY id")) {
            ps.setString(1, action);
            ps.setString(2, AuditEntry.runMarker(runId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return entries;
    }

    /**
     * Records a backup that was read back and checked; {@code finished_at} is the server's clock, so
     * that its age is judged by the same clock that judges it later.
     */
    public void recordBackup(Connection c, Optional<Version> schemaVersion, String file, String sha256, long bytes,
            String recordedBy, Instant startedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + backupTable + " " + """
                 (kind, schema_version, file, file_sha256, file_bytes, verification,
                                              recorded_by, started_at, finished_at)
                VALUES ('BACKUP', ?, ?, ?, ?, 'FILE', ?, ?, NOW(3))""")) {
            ps.setString(1, text(schemaVersion));
            ps.setString(2, truncate(file, 1024));
            ps.setString(3, sha256);
            ps.setLong(4, bytes);
            ps.setString(5, truncate(recordedBy, 255));
            bindInstant(ps, 6, startedAt);
            ps.executeUpdate();
        }
    }

    /** Records that an operator chose to upgrade without a backup: who, and (server time) when. */
    public void recordBackupSkipped(Connection c, Optional<Version> schemaVersion, String recordedBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + backupTable + " " + """
                 (kind, schema_version, recorded_by, finished_at)
                VALUES ('SKIPPED', ?, ?, NOW(3))""")) {
            ps.setString(1, text(schemaVersion));
            ps.setString(2, truncate(recordedBy, 255));
            ps.executeUpdate();
        }
    }

    /**
     * Records that an operator declared a backup of their own (the tool neither took nor checked it):
     * a {@code SKIPPED} row, as {@code upgrade --skip-backup} writes, whose verification says
     * {@code OPERATOR}. The upgrade's gate shows it amber, never green.
     */
    public void recordOwnBackup(Connection c, Optional<Version> schemaVersion, String recordedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + backupTable + " " + """
                 (kind, schema_version, verification, recorded_by, finished_at)
                VALUES ('SKIPPED', ?, 'OPERATOR', ?, NOW(3))""")) {
            ps.setString(1, text(schemaVersion));
            ps.setString(2, truncate(recordedBy, 255));
            ps.executeUpdate();
        }
    }

    /** The newest own backup an operator declared at {@code schemaVersion} ({@link #recordOwnBackup}), if any. */
    public Optional<BackupRecord> latestOwnBackup(Connection c, Version schemaVersion) throws SQLException {
        if (!tableExists(c, ToolTables.BACKUP)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT recorded_by, TIMESTAMPDIFF(SECOND, finished_at, NOW(3))
                  FROM""" + " " + backupTable + " WHERE kind = 'SKIPPED' AND verification = 'OPERATOR'"
                + " AND schema_version = ? ORDER BY finished_at DESC, id DESC LIMIT 1")) {
            ps.setString(1, schemaVersion.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BackupRecord(BackupRecord.Kind.SKIPPED, Optional.of(schemaVersion),
                        Optional.empty(), Optional.of("OPERATOR"), rs.getString(1),
                        Duration.ofSeconds(Math.max(0, rs.getLong(2)))));
            }
        }
    }

    /** Marks the backups with this file checksum as restored into a scratch database and compared. */
    public int recordRestoreTested(Connection c, String sha256) throws SQLException {
        if (!tableExists(c, ToolTables.BACKUP)) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + backupTable + " SET verification = 'RESTORE_TEST' WHERE kind = 'BACKUP' AND file_sha256 = ?")) {
            ps.setString(1, sha256);
            return ps.executeUpdate();
        }
    }

    /** The newest verified backup taken at {@code schemaVersion}, if any, read back or restore-tested. */
    public Optional<BackupRecord> latestVerifiedBackup(Connection c, Version schemaVersion) throws SQLException {
        return latestBackup(c, schemaVersion, "verification IS NOT NULL");
    }

    /** The newest backup taken at {@code schemaVersion} that was restored into a scratch database and compared. */
    public Optional<BackupRecord> latestRestoreTestedBackup(Connection c, Version schemaVersion) throws SQLException {
        return latestBackup(c, schemaVersion, "verification = 'RESTORE_TEST'");
    }

    private Optional<BackupRecord> latestBackup(Connection c, Version schemaVersion, String verified)
            throws SQLException {
        if (!tableExists(c, ToolTables.BACKUP)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT file, verification, recorded_by, TIMESTAMPDIFF(SECOND, finished_at, NOW(3))
                  FROM""" + " " + backupTable + " WHERE kind = 'BACKUP' AND schema_version = ? AND " + verified
                + " ORDER BY finished_at DESC, id DESC LIMIT 1")) {
            ps.setString(1, schemaVersion.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BackupRecord(BackupRecord.Kind.BACKUP, Optional.of(schemaVersion),
                        Optional.of(rs.getString(1)), Optional.of(rs.getString(2)), rs.getString(3),
                        Duration.ofSeconds(Math.max(0, rs.getLong(4)))));
            }
        }
    }

    /**
     * The journal of the run that started a statement last, in the order its statements started
     * (at most {@code limit} rows): what a support report shows of the last run. Empty without a journal.
     */
    public List<JournalEntry> lastRunJournal(Connection c, int limit) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        if (!tableExists(c, ToolTables.JOURNAL)) {
            return entries;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT run_id, script, statement_index, statement_line, statement_checksum, outcome, connection_id, error
                  FROM""" + " " + journalTable + " WHERE run_id = (SELECT run_id FROM " + journalTable
                + " ORDER BY started_at DESC LIMIT 1) ORDER BY started_at, script, statement_index LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new JournalEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getString(5), JournalEntry.Outcome.valueOf(rs.getString(6)), rs.getLong(7),
                            Optional.ofNullable(rs.getString(8))));
                }
            }
        }
        return entries;
    }

    /**
     * The newest row of run {@code runId}'s journal (the one written last: a start or an end) and
     * how long ago it was written, by the server's clock. Empty when the run wrote none yet.
     */
    public Optional<Map.Entry<JournalEntry, Duration>> newestJournalEntry(Connection c, String runId) throws SQLException {
        if (!tableExists(c, ToolTables.JOURNAL)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT script, statement_index, statement_line, statement_checksum, outcome, connection_id, error,
                       TIMESTAMPDIFF(MICROSECOND, COALESCE(finished_at, started_at), NOW(3))
                  FROM""" + " " + journalTable + " WHERE run_id = ?"
                + " ORDER BY COALESCE(finished_at, started_at) DESC, statement_index DESC LIMIT 1")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                JournalEntry entry = new JournalEntry(runId, rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        JournalEntry.Outcome.valueOf(rs.getString(5)), rs.getLong(6), Optional.ofNullable(rs.getString(7)));
                return Optional.of(Map.entry(entry, Duration.ofNanos(Math.max(0, rs.getLong(8)) * 1000)));
            }
        }
    }

    /** The newest {@code limit} backups and recorded skips, newest first; their age by the server's clock. */
    public List<BackupRecord> recentBackups(Connection c, int limit) throws SQLException {
        List<BackupRecord> backups = new ArrayList<>();
        if (!tableExists(c, ToolTables.BACKUP)) {
            return backups;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kind, schema_version, file, verification, recorded_by, TIMESTAMPDIFF(SECOND, finished_at, NOW(3))
                  FROM""" + " " + backupTable + " ORDER BY finished_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    backups.add(new BackupRecord(BackupRecord.Kind.valueOf(rs.getString(1)),
                            Optional.ofNullable(rs.getString(2)).map(Version::parse), Optional.ofNullable(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)), rs.getString(5),
                            Duration.ofSeconds(Math.max(0, rs.getLong(6)))));
                }
            }
        }
        return backups;
    }

    /** The tool's tables present in the current database. */
    public List<String> toolTablesPresent(Connection c) throws SQLException {
        List<String> present = new ArrayList<>();
        for (String table : ToolTables.NAMES) {
            if (tableExists(c, table)) {
                present.add(table);
            }
        }
        return present;
    }

    private boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<Version> version(String text) {
        return Optional.ofNullable(text).map(Version::parse);
    }

    private static String text(Optional<Version> version) {
        return version.map(Version::toString).orElse(null);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Binds {@code at} as the driver would a Timestamp (in this JVM's zone, which is also how
     * {@code getTimestamp} reads it back), but with its milliseconds: Connector/J drops them for
     * MariaDB 10.x, whose version it reads as MySQL 5.5, and every duration the history shows
     * became whole seconds.
     */
    private static void bindInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setString(index, DATETIME_MILLIS.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault())));
    }
}
