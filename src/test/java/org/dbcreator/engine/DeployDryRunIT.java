package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deploy's dry run reports its checks and statements and changes nothing on the server. */
@ExtendWith(TestDatabaseExtension.class)
class DeployDryRunIT {

    private static final Catalog CATALOG = Catalog.bundled();

    private static DeployResult dryRun(TestDatabase db) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return engine.deploy(Optional.empty(), SampleSize.none(), true);
        }
    }

    private static PreflightCheck stateCheck(DeployResult result) {
        return result.checks().orElseThrow().checks().stream().filter(c -> c.id() == PreflightCheck.Id.DATABASE_STATE)
                .findFirst().orElseThrow();
    }

    @Test
    void dryRunOfAnAbsentDatabaseShouldListEveryStatementAndCreateNothing(TestDatabase db) throws SQLException {
        Footprint before = Footprint.of(db);

        DeployResult result = dryRun(db);

        assertThat(result.outcome()).isEqualTo(DeployResult.Outcome.DRY_RUN);
        assertThat(result.checks().orElseThrow().allowsStart()).isTrue();
        PlanPreview preview = result.preview().orElseThrow();
        assertThat(preview.items()).extracting(PlanPreview.Item::name).startsWith("4.0.0/create-schema.sql")
                .contains("4.3.0/cleanup.sql");
        assertThat(preview.items().get(0).statements()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.done()).isFalse());
        assertThat(Footprint.of(db)).as("no database created").isEqualTo(before);
        assertThat(before.exists()).isFalse();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            DeployResult real = engine.deploy(Optional.empty());
            assertThat(real.applied()).as("the real deploy runs what the dry run listed").isEqualTo(preview.items().size());
        }
    }

    @Test
    void dryRunIntoAnEmptyDatabaseShouldWriteNothing(TestDatabase db) throws SQLException {
        db.create();
        Footprint before = Footprint.of(db);

        DeployResult result = dryRun(db);

        assertThat(stateCheck(result).verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        assertThat(result.preview().orElseThrow().items()).isNotEmpty();
        assertThat(db.rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")).isEmpty();
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void dryRunIntoAForeignDatabaseShouldBeARedCheckWithTheRefusalsCode(TestDatabase db) throws SQLException {
        db.create();
        db.execute("CREATE TABLE theirs (id INT PRIMARY KEY)");
        Footprint before = Footprint.of(db);

        DeployResult result = dryRun(db);

        assertThat(stateCheck(result).verdict()).isEqualTo(PreflightCheck.Verdict.RED);
        assertThat(stateCheck(result).failure()).contains(ErrorCode.DATABASE_NOT_EMPTY);
        assertThat(result.checks().orElseThrow().allowsStart()).isFalse();
        assertThat(result.preview().orElseThrow().items()).isEmpty();
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void dryRunOfADeployedDatabaseShouldHaveNothingToDo(TestDatabase db) throws SQLException {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.empty());
        }
        Footprint before = Footprint.of(db);

        DeployResult result = dryRun(db);

        assertThat(stateCheck(result).evidence()).contains("nothing to do");
        assertThat(result.preview().orElseThrow().items()).isEmpty();
        assertThat(Footprint.of(db)).isEqualTo(before);
    }
}
