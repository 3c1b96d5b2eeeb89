package org.dbcreator.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;

/**
 * The tool's tables in the product database, read and written over a connection whose default
 * database is the product database. Methods take the connection so that a journal row can
 * commit in the same transaction as the statement it records.
 */
public final class JdbcHistory {

    public static final String NODE_CONTRACT_QUERY = ToolTables.NODE_CONTRACT_QUERY;

    /** True when the database has the state table, i.e. DatabaseCreator manages it. */
    public boolean isManaged(Connection c) throws SQLException {
        return tableExists(c, ToolTables.STATE) && readState(c).isPresent();
    }

    public void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : ToolTables.CREATE) {
                s.execute(ddl);
            }
        }
    }

    public Optional<DatabaseState> readState(Connection c) throws SQLException {
        if (!tableExists(c, ToolTables.STATE)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT product, schema_version, target_version, phase, lowest_release, highest_release, run_id,"
                        + " run_options, updated_at FROM dbcreator_state WHERE id = 1")) {
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
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dbcreator_state (id, product, schema_version, target_version, phase, lowest_release,
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
            ps.setTimestamp(9, Timestamp.from(state.updatedAt()));
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
                       finished_at FROM dbcreator_history ORDER BY id""")) {
            while (rs.next()) {
                applied.add(new AppliedScript(rs.getString(1), rs.getString(2), Version.parse(rs.getString(3)),
                        ScriptKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()));
            }
        }
        return applied;
    }

    public void recordApplied(Connection c, AppliedScript script) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dbcreator_history (run_id, operation, version, kind, script, checksum, statements,
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
            ps.setTimestamp(9, Timestamp.from(script.startedAt()));
            ps.setTimestamp(10, Timestamp.from(script.finishedAt()));
            ps.executeUpdate();
        }
    }

    /** The journal of one script in one run, by statement index. */
    public Map<Integer, JournalEntry> journal(Connection c, String runId, String script) throws SQLException {
        Map<Integer, JournalEntry> entries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT statement_index, statement_line, statement_checksum, outcome, connection_id, error
                  FROM dbcreator_journal WHERE run_id = ? AND script = ?""")) {
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
                  FROM dbcreator_journal WHERE run_id = ? AND outcome IN ('STARTED', 'FAILED') ORDER BY started_at""")) {
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
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dbcreator_journal (run_id, script, statement_index, statement_line, statement_checksum,
                                               outcome, connection_id, started_at, finished_at, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, NOW(3), IF(? = 'STARTED', NULL, NOW(3)), NULL)
                ON DUPLICATE KEY UPDATE statement_line = VALUES(statement_line),
                  statement_checksum = VALUES(statement_checksum), outcome = VALUES(outcome),
                  connection_id = VALUES(connection_id), started_at = VALUES(started_at),
                  finished_at = VALUES(finished_at), error = NULL""")) {
            ps.setString(1, entry.runId());
            ps.setString(2, entry.script());
            ps.setInt(3, entry.index());
            ps.setInt(4, entry.line());
            ps.setString(5, entry.checksum());
            ps.setString(6, entry.outcome().name());
            ps.setLong(7, entry.connectionId());
            ps.setString(8, entry.outcome().name());
            ps.executeUpdate();
        }
    }

    public void journalEnd(Connection c, JournalEntry entry, JournalEntry.Outcome outcome, String error)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE dbcreator_journal SET outcome = ?, finished_at = NOW(3), error = ?
                 WHERE run_id = ? AND script = ? AND statement_index = ?""")) {
            ps.setString(1, outcome.name());
            ps.setString(2, error == null ? null : truncate(error, 2000));
            ps.setString(3, entry.runId());
            ps.setString(4, entry.script());
            ps.setInt(5, entry.index());
            ps.executeUpdate();
        }
    }

    /** Records an operator's decision that overrides a safety check, e.g. excluding a stale node. */
    public void recordDecision(Connection c, String operator, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dbcreator_audit (at, operator, action, detail) VALUES (NOW(3), ?, ?, ?)")) {
            ps.setString(1, operator);
            ps.setString(2, action);
            ps.setString(3, truncate(detail, 1024));
            ps.executeUpdate();
        }
    }

    /**
     * Records a backup that was read back and checked; {@code finished_at} is the server's clock, so
     * that its age is judged by the same clock that judges it later.
     */
    public void recordBackup(Connection c, Optional<Version> schemaVersion, String file, String sha256, long bytes,
            String recordedBy, Instant startedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dbcreator_backup (kind, schema_version, file, file_sha256, file_bytes, verification,
                                              recorded_by, started_at, finished_at)
                VALUES ('BACKUP', ?, ?, ?, ?, 'FILE', ?, ?, NOW(3))""")) {
            ps.setString(1, text(schemaVersion));
            ps.setString(2, truncate(file, 1024));
            ps.setString(3, sha256);
            ps.setLong(4, bytes);
            ps.setString(5, truncate(recordedBy, 255));
            ps.setTimestamp(6, Timestamp.from(startedAt));
            ps.executeUpdate();
        }
    }

    /** Records that an operator chose to upgrade without a backup: who, and (server time) when. */
    public void recordBackupSkipped(Connection c, Optional<Version> schemaVersion, String recordedBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dbcreator_backup (kind, schema_version, recorded_by, finished_at)
                VALUES ('SKIPPED', ?, ?, NOW(3))""")) {
            ps.setString(1, text(schemaVersion));
            ps.setString(2, truncate(recordedBy, 255));
            ps.executeUpdate();
        }
    }

    /** Marks the backups with this file checksum as restored into a scratch database and compared. */
    public int recordRestoreTested(Connection c, String sha256) throws SQLException {
        if (!tableExists(c, ToolTables.BACKUP)) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE dbcreator_backup SET verification = 'RESTORE_TEST' WHERE kind = 'BACKUP' AND file_sha256 = ?")) {
            ps.setString(1, sha256);
            return ps.executeUpdate();
        }
    }

    /** The newest verified backup taken at {@code schemaVersion}, if any. */
    public Optional<BackupRecord> latestVerifiedBackup(Connection c, Version schemaVersion) throws SQLException {
        if (!tableExists(c, ToolTables.BACKUP)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT file, verification, recorded_by, TIMESTAMPDIFF(SECOND, finished_at, NOW(3))
                  FROM dbcreator_backup
                 WHERE kind = 'BACKUP' AND schema_version = ? AND verification IS NOT NULL
                 ORDER BY finished_at DESC, id DESC LIMIT 1""")) {
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

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
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

}
