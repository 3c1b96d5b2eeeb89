package org.dbcreator.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JournalEntry;

/**
 * What support staff attach to a ticket: every fact the tool can read about a product database,
 * read back from the server when the report was made. Immutable; the HTML and JSON reports render
 * from it. A fact the account may not read is absent and named in {@link #gaps()}.
 *
 * @param toolVersion the tool's release, or "development" when run from classes
 * @param connection user@host:port/database; never a password
 * @param status the version state, range, planned steps, checks, history and next action
 * @param nodes the node registry judged against the next cleanup; empty without a registry or when unreadable
 * @param lastRunJournal the statements of the last run, in the order they started
 * @param lockHolder who holds the operator lock now; empty when it is free
 * @param recentBackups the newest backups and recorded skips, newest first
 * @param gaps the facts that could not be read, each with the server's reason
 */
public record SupportReport(
        String toolVersion,
        Instant generatedAt,
        String connection,
        Optional<StatusReport> status,
        Optional<GateReport> nodes,
        List<JournalEntry> lastRunJournal,
        Optional<String> lockHolder,
        List<BackupRecord> recentBackups,
        List<Gap> gaps) {

    /** How many journal rows and backups a report shows at most. */
    public static final int JOURNAL_LIMIT = 500;
    public static final int BACKUP_LIMIT = 10;

    /** A fact the report lacks: which one ("nodes", "journal"...) and why. */
    public record Gap(String fact, String reason) {}

    public SupportReport {
        lastRunJournal = List.copyOf(lastRunJournal);
        recentBackups = List.copyOf(recentBackups);
        gaps = List.copyOf(gaps);
    }
}
