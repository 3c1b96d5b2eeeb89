package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.StatusReport.Condition;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class StatusIT {

    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V410 = Version.parse("4.1.0");
    private static final Version V420 = Version.parse("4.2.0");
    private static final Version V430 = Version.parse("4.3.0");

    private static final Catalog CATALOG = Catalog.bundled();

    private static StatusReport status(ConnectionSettings settings, String target) {
        try (DbCreator engine = DbCreator.connect(CATALOG, settings, ProgressListener.NONE)) {
            return engine.status(Optional.ofNullable(target).map(Version::parse));
        }
    }

    @Test
    void statusOfAnAbsentDatabaseShouldPlanAFullDeploy(TestDatabase db) {
        StatusReport report = status(db.admin(), null);
        assertThat(report.condition()).isEqualTo(Condition.ABSENT);
        assertThat(report.plannedSteps()).containsExactly(PlannedStep.baseline(V400), PlannedStep.step(V400, V410),
                PlannedStep.step(V410, V420), PlannedStep.step(V420, V430));
        assertThat(report.nextAction()).isEqualTo(new NextAction.Deploy(V430));
    }

    @Test
    void statusShouldWorkForAUserGrantedOnlySelect(TestDatabase db) throws SQLException {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()));
        }
        ConnectionSettings readOnly = db.createUser("SELECT");
        Footprint before = Footprint.of(db);

        StatusReport report = status(readOnly, null);

        assertThat(report.condition()).isEqualTo(Condition.MANAGED);
        assertThat(report.schemaVersion()).contains(Version.parse("4.0.0"));
        assertThat(report.phase()).contains(Phase.CLEAN);
        assertThat(report.plannedSteps()).containsExactly(PlannedStep.step(V400, V410), PlannedStep.step(V410, V420),
                PlannedStep.step(V420, V430));
        assertThat(report.history()).singleElement().satisfies(applied -> {
            assertThat(applied.script()).isEqualTo("4.0.0/create-schema.sql");
            assertThat(applied.installedBy()).startsWith(db.admin().user() + "@");
        });
        assertThat(report.nextAction()).isEqualTo(new NextAction.Upgrade(V400, V430));
        assertThat(Footprint.of(db)).as("status writes nothing").isEqualTo(before);
    }

    /** The history names a Java step by its class; status adds the catalog's words for it, and none for a script. */
    @Test
    void statusShouldDescribeTheJavaStepsOfTheHistory(TestDatabase db) throws SQLException {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(V400), new SampleSize(50, 3));
            engine.upgrade(Optional.of(V420), false, BackupPolicy.skip());
        }
        // a step of an older catalog, which this one no longer has
        db.execute("INSERT INTO dbcreator_history (run_id, operation, version, kind, script, checksum, statements,"
                + " installed_by, started_at, finished_at) SELECT run_id, operation, version, kind,"
                + " 'com.example.RetiredBackfill', checksum, statements, installed_by, started_at, finished_at"
                + " FROM dbcreator_history WHERE script = 'org.dbcreator.demo.BackfillHostUuid'");

        StatusReport report = status(db.admin(), null);

        assertThat(report.history()).extracting(a -> a.script()).contains("org.dbcreator.demo.DemoSampleData",
                "org.dbcreator.demo.BackfillHostUuid", "org.dbcreator.demo.BackfillEventSeverity", "4.1.0/expand.sql",
                "com.example.RetiredBackfill");
        assertThat(report.stepDescription("org.dbcreator.demo.DemoSampleData")).contains("DemoCloud sample data");
        assertThat(report.stepDescription("org.dbcreator.demo.BackfillHostUuid")).contains("backfill host.uuid");
        assertThat(report.stepDescription("org.dbcreator.demo.BackfillEventSeverity"))
                .contains("backfill event.severity from event.level");
        assertThat(report.stepDescription("4.1.0/expand.sql")).isEmpty();
        assertThat(report.stepDescription("com.example.RetiredBackfill")).isEmpty();
    }

    @Test
    void statusShouldReportADatabaseItDoesNotManage(TestDatabase db) throws SQLException {
        db.create();
        db.execute("CREATE TABLE legacy (id INT)");
        StatusReport report = status(db.admin(), null);
        assertThat(report.condition()).isEqualTo(Condition.FOREIGN);
        assertThat(report.nextAction()).isEqualTo(new NextAction.DeployElsewhere());
    }
}
