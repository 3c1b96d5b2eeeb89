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
        assertThat(report.plannedSteps()).containsExactly("baseline 4.0.0", "4.0.0 -> 4.1.0", "4.1.0 -> 4.2.0",
                "4.2.0 -> 4.3.0");
        assertThat(report.nextAction()).contains("dbcreator deploy --database " + db.name());
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
        assertThat(report.plannedSteps()).containsExactly("4.0.0 -> 4.1.0", "4.1.0 -> 4.2.0", "4.2.0 -> 4.3.0");
        assertThat(report.history()).singleElement().satisfies(applied -> {
            assertThat(applied.script()).isEqualTo("4.0.0/create-schema.sql");
            assertThat(applied.installedBy()).startsWith(db.admin().user() + "@");
        });
        assertThat(report.nextAction()).contains("Upgrade from 4.0.0 to 4.3.0");
        assertThat(Footprint.of(db)).as("status writes nothing").isEqualTo(before);
    }

    @Test
    void statusShouldReportADatabaseItDoesNotManage(TestDatabase db) throws SQLException {
        db.create();
        db.execute("CREATE TABLE legacy (id INT)");
        StatusReport report = status(db.admin(), null);
        assertThat(report.condition()).isEqualTo(Condition.FOREIGN);
        assertThat(report.nextAction()).contains("does not manage");
    }
}
