package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wizard's status page asks for the checks of every operation without running any: the
 * answers match the database's state, and the database is left as it was (no table, no history
 * row, no database created, no operator lock held).
 */
@ExtendWith(TestDatabaseExtension.class)
class PreflightIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version V400 = Version.parse("4.0.0");

    /** Asks for every operation's checks in one engine, then checks that no operator lock is left. */
    private static Map<OperationKind, PreflightReport> askAll(ConnectionSettings settings) throws SQLException {
        Map<OperationKind, PreflightReport> reports = new EnumMap<>(OperationKind.class);
        try (DbCreator engine = DbCreator.connect(CATALOG, settings, ProgressListener.NONE)) {
            for (OperationKind kind : OperationKind.values()) {
                reports.put(kind, engine.preflight(kind, Optional.empty()));
            }
            assertThat(AdvisoryLock.holder(engine.database())).as("operator lock after the questions").isEmpty();
        }
        return reports;
    }

    private static PreflightCheck check(PreflightReport report, PreflightCheck.Id id) {
        return report.checks().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " check in " + report));
    }

    @Test
    void questionsAboutAnAbsentDatabaseShouldCreateNothing(TestDatabase db) throws SQLException {
        Footprint before = Footprint.of(db);

        Map<OperationKind, PreflightReport> reports = askAll(db.admin());

        assertThat(Footprint.of(db)).as("nothing changed").isEqualTo(before);
        assertThat(before.exists()).isFalse();
        assertThat(reports.get(OperationKind.DEPLOY).allowsStart()).isTrue();
        assertThat(check(reports.get(OperationKind.DEPLOY), PreflightCheck.Id.DATABASE_STATE).evidence()).contains("absent");
        PreflightCheck upgrade = check(reports.get(OperationKind.UPGRADE), PreflightCheck.Id.DATABASE_STATE);
        assertThat(upgrade.verdict()).isEqualTo(PreflightCheck.Verdict.RED);
        assertThat(upgrade.failure()).contains(ErrorCode.DATABASE_NOT_MANAGED);
        assertThat(upgrade.fix()).containsExactly(new NextAction.Deploy(CATALOG.latestVersion()));
        assertThat(check(reports.get(OperationKind.BACKUP), PreflightCheck.Id.DATABASE_STATE).failure())
                .contains(ErrorCode.DATABASE_NOT_FOUND);
        assertThat(check(reports.get(OperationKind.RESTORE), PreflightCheck.Id.RESTORE_TARGET).verdict())
                .isEqualTo(PreflightCheck.Verdict.GREEN);
    }

    @Test
    void questionsOfAReadOnlyAccountShouldAnswerFromTheStateAndChangeNothing(TestDatabase db) throws SQLException {
        new Operator(CATALOG, db.admin()).deploy("4.0.0", SampleSize.none());
        ConnectionSettings readOnly = db.createUser("SELECT");
        Footprint before = Footprint.of(db);

        Map<OperationKind, PreflightReport> reports = askAll(readOnly);

        assertThat(Footprint.of(db)).as("nothing changed").isEqualTo(before);
        PreflightReport upgrade = reports.get(OperationKind.UPGRADE);
        assertThat(check(upgrade, PreflightCheck.Id.DATABASE_STATE).verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        assertThat(check(upgrade, PreflightCheck.Id.BACKUP).failure()).contains(ErrorCode.BACKUP_REQUIRED);
        PreflightCheck privileges = check(upgrade, PreflightCheck.Id.PRIVILEGES);
        assertThat(privileges.verdict()).isEqualTo(PreflightCheck.Verdict.RED); // the account holds SELECT only
        assertThat(privileges.fix()).singleElement().isInstanceOfSatisfying(NextAction.Grant.class,
                grant -> assertThat(grant.privileges()).contains("ALTER", "INSERT").doesNotContain("SELECT"));
        PreflightCheck deploy = check(reports.get(OperationKind.DEPLOY), PreflightCheck.Id.DATABASE_STATE);
        assertThat(deploy.failure()).contains(ErrorCode.DATABASE_NEEDS_UPGRADE);
        assertThat(deploy.fix()).containsExactly(new NextAction.Upgrade(V400, CATALOG.latestVersion()));
        assertThat(check(reports.get(OperationKind.CLEANUP), PreflightCheck.Id.DATABASE_STATE).evidence())
                .startsWith("Nothing to clean up: the database is clean at 4.0.0");
        assertThat(check(reports.get(OperationKind.BACKUP), PreflightCheck.Id.PRIVILEGES).verdict())
                .isEqualTo(PreflightCheck.Verdict.GREEN);
        PreflightCheck restore = check(reports.get(OperationKind.RESTORE), PreflightCheck.Id.RESTORE_TARGET);
        assertThat(restore.verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(restore.fix()).containsExactly(new NextAction.RestoreReplacing(db.name()));
    }

    @Test
    void upgradeQuestionShouldGiveTheChecksTheDryRunGives(TestDatabase db) throws SQLException {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy("4.0.0", SampleSize.none());

        PreflightReport asked;
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            asked = engine.preflight(OperationKind.UPGRADE, Optional.empty());
        }

        // Long transactions are the whole server's: other sessions come and go between the two questions.
        assertThat(withoutLongTransactions(asked)).isEqualTo(withoutLongTransactions(op.dryRunUpgrade().checks()));
    }

    private static PreflightReport withoutLongTransactions(PreflightReport report) {
        return new PreflightReport(report.operation(), report.checks().stream()
                .filter(c -> c.id() != PreflightCheck.Id.LONG_TRANSACTIONS).toList());
    }
}
