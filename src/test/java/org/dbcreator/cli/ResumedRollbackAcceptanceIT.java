package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.RollbackRequest;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.testing.StrictSchema;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acceptance of the data a rollback drops belongs to its run: the resume of an interrupted
 * rollback whose loss was accepted goes on without {@code --accept-data-loss} and says whose
 * acceptance it relies on; a rollback never accepted (refused before, or its acceptance not
 * recorded for its run) is refused again, with nothing changed.
 */
@ExtendWith(TestDatabaseExtension.class)
class ResumedRollbackAcceptanceIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String OLD = CATALOG.baselineVersion().toString();

    @Test
    void theResumeOfAnAcceptedRollbackShouldNotAskForTheAcceptanceAgain(TestDatabase db, TestDatabase fresh)
            throws Exception {
        List<String> rowsBefore = expandedWithSampleRows(db);
        interruptedAfterItsFirstStatement(db, RollbackRequest.toOldRelease().acceptingDataLoss());
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state")).as("interrupted")
                .containsExactly("ROLLING_BACK | " + OLD);
        List<String> acceptance = db.rows("SELECT operator, at FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'");
        assertThat(acceptance).as("recorded by the interrupted run").hasSize(1);

        String operator = acceptance.get(0).split(" \\| ")[0];
        DbCreatorCli.Result plan = DbCreatorCli.run(db.admin(), "rollback", "--dry-run", "--json");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        JsonNode accepted = new ObjectMapper().readTree(plan.out()).path("lossAccepted");
        assertThat(accepted.path("operator").asText()).as(plan.out()).isEqualTo(operator);
        assertThat(accepted.path("at").asText()).as("an instant").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        DbCreatorCli.Result resumed = DbCreatorCli.run(db.admin(), "rollback");

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("RESUMED", "The loss of column host.uuid (4.1.0)", "was accepted by "
                + operator, "for this run");
        assertThat(db.rows("SELECT phase, schema_version, target_version, lowest_release, highest_release, run_id"
                + " FROM dbcreator_state")).containsExactly("CLEAN | " + OLD + " | " + OLD + " | " + OLD + " | " + OLD
                        + " | null");
        assertThat(DbCreatorCli.run(fresh.admin(), "deploy", "--target", OLD).exitCode()).isZero();
        assertThat(StrictSchema.of(db)).containsExactlyElementsOf(StrictSchema.of(fresh));
        assertThat(StrictSchema.rows(db)).containsExactlyElementsOf(rowsBefore);
        assertThat(db.rows("SELECT operator, at FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'"))
                .as("one acceptance, the interrupted run's").isEqualTo(acceptance);
    }

    @Test
    void aRollbackRefusedForItsDataLossShouldBeRefusedAgainWithoutTheFlag(TestDatabase db) throws SQLException {
        expandedWithSampleRows(db);
        DbCreatorCli.Result first = DbCreatorCli.run(db.admin(), "rollback");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ErrorCode.ROLLBACK_DROPS_DATA.exitCode());
        List<String> before = serverState(db);

        DbCreatorCli.Result again = DbCreatorCli.run(db.admin(), "rollback");

        assertThat(again.exitCode()).as(again.all()).isEqualTo(ErrorCode.ROLLBACK_DROPS_DATA.exitCode());
        assertThat(again.err()).contains("column host.uuid (4.1.0)", "--accept-data-loss");
        assertThat(serverState(db)).as("nothing changed").isEqualTo(before);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'")).isZero();
    }

    @Test
    void aResumedRollbackWhoseAcceptanceIsNotRecordedForItsRunShouldBeRefused(TestDatabase db) throws SQLException {
        expandedWithSampleRows(db);
        interruptedAfterItsFirstStatement(db, RollbackRequest.toOldRelease().acceptingDataLoss());
        // as a release that did not name the run in the audit recorded it
        db.execute("UPDATE dbcreator_audit SET detail = REPLACE(detail, CONCAT(' (run ',"
                + " (SELECT run_id FROM dbcreator_state), ')'), '') WHERE action = 'ACCEPT_DATA_LOSS'");
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS' AND LOCATE("
                + "(SELECT run_id FROM dbcreator_state), detail) > 0")).isZero();
        List<String> before = serverState(db);

        DbCreatorCli.Result resumed = DbCreatorCli.run(db.admin(), "rollback");

        assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(ErrorCode.ROLLBACK_DROPS_DATA.exitCode());
        assertThat(serverState(db)).as("nothing changed").isEqualTo(before);
    }

    /** Deployed at the baseline with sample rows, expanded to the latest release (host uuids backfilled); the rows before. */
    private static List<String> expandedWithSampleRows(TestDatabase db) throws SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", OLD, "--sample-rows", "500").exitCode()).isZero();
        List<String> rows = StrictSchema.rows(db);
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup").exitCode()).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM host WHERE uuid IS NOT NULL")).as("data only 4.1.0 wrote").isPositive();
        return rows;
    }

    /** The rollback, cancelled once its first statement is done: it stops there, as an interruption leaves it. */
    private static void interruptedAfterItsFirstStatement(TestDatabase db, RollbackRequest request) {
        Cancellation stop = Cancellation.none();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), event -> {
            if (event instanceof ProgressEvent.StatementDone) {
                stop.cancel();
            }
        })) {
            assertThatThrownBy(() -> engine.rollback(request, stop)).isInstanceOfSatisfying(DbCreatorException.class,
                    e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.CANCELLED));
        }
        assertThat(stop.isCancelled()).isTrue();
    }

    /** What a refused rollback must leave as it was: state, history, audit, journal, schema and rows. */
    private static List<String> serverState(TestDatabase db) throws SQLException {
        List<String> all = new java.util.ArrayList<>();
        all.addAll(db.rows("SELECT * FROM dbcreator_state"));
        all.addAll(db.rows("SELECT * FROM dbcreator_history ORDER BY id"));
        all.addAll(db.rows("SELECT * FROM dbcreator_audit ORDER BY id"));
        all.addAll(db.rows("SELECT run_id, script, statement_index, outcome FROM dbcreator_journal"
                + " ORDER BY run_id, script, statement_index"));
        all.addAll(StrictSchema.of(db));
        all.addAll(StrictSchema.rows(db));
        return all;
    }
}
