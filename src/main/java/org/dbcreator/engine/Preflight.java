package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.db.Database;
import org.dbcreator.db.Privileges;
import org.dbcreator.error.ErrorCode;

/**
 * The checks that run before an expand or cleanup (and that status shows): the server, the
 * privileges the plan needs, the catalog's checksums, the database's state, the operator lock and
 * long-running transactions that would hold up the DDL.
 */
final class Preflight {

    /** Transactions open longer than this are named: an ALTER would wait behind them. */
    static final int LONG_TRANSACTION_SECONDS = 10;

    private final Database database;
    private final Catalog catalog;

    Preflight(Database database, Catalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    /**
     * @param operationChecks checks only this operation makes (its view of the state, the nodes...)
     * @param lockHeld true when the caller already holds the operator lock
     */
    PreflightReport check(OperationKind operation, Inspection inspection, List<PreflightCheck> operationChecks,
            List<PlanItem> plan, boolean lockHeld) throws SQLException {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(server());
        checks.add(privileges(RequiredPrivileges.ofPlan(plan)));
        checks.add(checksums(inspection));
        ExpandSafetyCheck.of(catalog, plan).ifPresent(checks::add); // the lint, for the plan's expand scripts
        checks.addAll(operationChecks);
        checks.add(lockHeld ? PreflightCheck.green(PreflightCheck.Id.OPERATOR_LOCK, "Taken by this run.") : lock());
        checks.add(longTransactions());
        return new PreflightReport(operation, checks);
    }

    PreflightCheck server() {
        return PreflightCheck.green(PreflightCheck.Id.SERVER, database.server().describe() + " is supported.");
    }

    PreflightCheck privileges(Set<String> needed) throws SQLException {
        try (Connection c = database.serverConnection()) {
            Set<String> missing = Privileges.missing(c, database.databaseName(), needed);
            if (missing.isEmpty()) {
                return PreflightCheck.green(PreflightCheck.Id.PRIVILEGES, "User '" + database.settings().user() + "' has "
                        + String.join(", ", needed) + ".");
            }
            return PreflightCheck.red(PreflightCheck.Id.PRIVILEGES, "User '" + database.settings().user() + "' lacks "
                    + String.join(", ", missing) + " on '" + database.databaseName() + "'.",
                    ErrorCode.INSUFFICIENT_PRIVILEGES, new NextAction.Grant(missing, database.databaseName()));
        }
    }

    PreflightCheck checksums(Inspection inspection) {
        List<StatusFinding.ScriptChanged> changed = ChecksumCheck.changed(catalog, inspection.applied());
        return changed.isEmpty()
                ? PreflightCheck.green(PreflightCheck.Id.CATALOG_CHECKSUMS, "Applied scripts unchanged ("
                        + inspection.applied().size() + ").")
                : PreflightCheck.red(PreflightCheck.Id.CATALOG_CHECKSUMS, ChecksumCheck.describe(changed),
                        ErrorCode.CHECKSUM_MISMATCH, new NextAction.RestoreReleasedScripts(
                                changed.stream().map(StatusFinding.ScriptChanged::location).toList()));
    }

    PreflightCheck lock() throws SQLException {
        Optional<String> holder = AdvisoryLock.holder(database);
        return holder.isEmpty()
                ? PreflightCheck.green(PreflightCheck.Id.OPERATOR_LOCK, "No other operator is working on this database.")
                : PreflightCheck.red(PreflightCheck.Id.OPERATOR_LOCK, "Locked by " + holder.get() + ".",
                        ErrorCode.LOCK_HELD, new NextAction.WaitForLock(holder.get()));
    }

    /** Reading other sessions' transactions needs the PROCESS privilege; without it the check says so. */
    PreflightCheck longTransactions() {
        List<String> found = new ArrayList<>();
        List<Long> connections = new ArrayList<>();
        try (Connection c = database.serverConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.trx_mysql_thread_id, p.USER, p.HOST, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), t.trx_state,
                       LEFT(COALESCE(t.trx_query, p.INFO, ''), 80)
                  FROM information_schema.INNODB_TRX t
                  LEFT JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
                 WHERE t.trx_started < NOW() - INTERVAL %d SECOND AND t.trx_mysql_thread_id <> CONNECTION_ID()
                 ORDER BY t.trx_started LIMIT 5""".formatted(LONG_TRANSACTION_SECONDS))) {
            while (rs.next()) {
                connections.add(rs.getLong(1));
                found.add("connection " + rs.getLong(1) + " (" + rs.getString(2) + " from " + rs.getString(3) + ", open "
                        + rs.getLong(4) + " s, " + rs.getString(5).toLowerCase()
                        + (rs.getString(6).isBlank() ? ", idle" : ", running: " + rs.getString(6)) + ")");
            }
        } catch (SQLException e) {
            return PreflightCheck.amber(PreflightCheck.Id.LONG_TRANSACTIONS, "Cannot see other sessions' transactions ("
                    + e.getMessage() + "), so nothing that could hold up the DDL can be named.",
                    new NextAction.Grant(Set.of("PROCESS"), "*"));
        }
        return found.isEmpty()
                ? PreflightCheck.green(PreflightCheck.Id.LONG_TRANSACTIONS, "None open longer than "
                        + LONG_TRANSACTION_SECONDS + " s.")
                : PreflightCheck.amber(PreflightCheck.Id.LONG_TRANSACTIONS, String.join("; ", found)
                        + "; DDL waits for them.", new NextAction.EndTransactions(connections));
    }
}
