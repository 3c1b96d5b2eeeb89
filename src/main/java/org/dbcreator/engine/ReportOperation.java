package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;

/**
 * Gathers a support report. Read-only, so a SELECT-only account is enough; each fact is read on
 * its own, and one the account may not read (or the server refuses) becomes a gap of the report
 * rather than its failure: a partial report still helps the ticket.
 */
final class ReportOperation {

    private final OperationContext context;
    private final List<SupportReport.Gap> gaps = new ArrayList<>();

    ReportOperation(OperationContext context) {
        this.context = context;
    }

    SupportReport run(Optional<Version> target) {
        Optional<StatusReport> status = read("status", () -> new StatusOperation(context)
                .run(target, unreadable -> gap("checks", unreadable)));
        Optional<GateReport> nodes = status.filter(ReportOperation::hasRegistry)
                .flatMap(s -> read("nodes", () -> new NodeGate(context.database(), context.catalog())
                        .read(gateTarget(s), Set.of())).flatMap(gate -> gate));
        boolean exists = status.map(s -> s.condition() != StatusReport.Condition.ABSENT).orElse(true);
        List<JournalEntry> journal = !exists ? List.<JournalEntry>of() : read("journal", () -> {
            try (Connection c = context.database().productConnection()) {
                return context.history().lastRunJournal(c, SupportReport.JOURNAL_LIMIT);
            }
        }).orElse(List.of());
        Optional<String> lock = read("lock", () -> AdvisoryLock.holder(context.database())).flatMap(holder -> holder);
        List<BackupRecord> backups = !exists ? List.<BackupRecord>of() : read("backups", () -> {
            try (Connection c = context.database().productConnection()) {
                return context.history().recentBackups(c, SupportReport.BACKUP_LIMIT);
            }
        }).orElse(List.of());
        return new SupportReport(toolVersion(), Instant.now(), context.database().settings().describe(), status, nodes,
                journal, lock, backups, gaps);
    }

    /** A deployed database of this product has its registry's table; one that is not has nothing to judge. */
    private static boolean hasRegistry(StatusReport status) {
        return status.condition() == StatusReport.Condition.MANAGED && status.schemaVersion().isPresent()
                && status.findings().stream().noneMatch(f -> f instanceof StatusFinding.OtherProduct);
    }

    /** As {@code nodes}: the release an expand aims at, else the release status was asked about. */
    private static Version gateTarget(StatusReport status) {
        return status.phase().filter(p -> p != Phase.CLEAN).flatMap(p -> status.phaseTarget())
                .orElse(status.targetVersion());
    }

    private <T> Optional<T> read(String fact, SqlRead<T> read) {
        try {
            return Optional.of(read.run());
        } catch (SQLException | DbCreatorException e) {
            gap(fact, e);
            return Optional.empty();
        }
    }

    private void gap(String fact, Exception e) {
        String reason = e instanceof SQLException sql ? Failures.ofOperation(sql, context.database().settings().user(),
                context.database().databaseName()).getMessage() : e.getMessage();
        gaps.add(new SupportReport.Gap(fact, reason));
    }

    static String toolVersion() {
        String version = ReportOperation.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @FunctionalInterface
    private interface SqlRead<T> {
        T run() throws SQLException;
    }
}
