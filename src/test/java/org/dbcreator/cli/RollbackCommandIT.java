package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code dbcreator rollback} as a script runs it: its dry run, its run, its refusals and their exit codes. */
@ExtendWith(TestDatabaseExtension.class)
class RollbackCommandIT {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void rollbackShouldUndoTheExpandAfterADryRunThatWritesNothing(TestDatabase db) throws Exception {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "status").out()).contains("Way back      4.0.0 -> 4.1.0 by its rollback"
                + " script, 4.1.0 -> 4.2.0 by its rollback script, 4.2.0 -> 4.3.0 by its rollback script");
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup").exitCode()).isZero();
        List<String> history = db.rows("SELECT * FROM dbcreator_history ORDER BY id");

        DbCreatorCli.Result dryRun = DbCreatorCli.run(db.admin(), "rollback", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        assertThat(dryRun.out()).contains("4.3.0/rollback.sql", "DROP TABLE host_capacity", "4.1.0/rollback.sql");
        assertThat(dryRun.out().indexOf("4.3.0/rollback.sql")).as("newest first")
                .isLessThan(dryRun.out().indexOf("4.1.0/rollback.sql"));
        assertThat(db.rows("SELECT * FROM dbcreator_history ORDER BY id")).as("a dry run writes nothing").isEqualTo(history);
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDED");

        DbCreatorCli.Result rollback = DbCreatorCli.run(db.admin(), "rollback", "--json");
        assertThat(rollback.exitCode()).as(rollback.all()).isZero();
        JsonNode result = mapper.readTree(rollback.out());
        assertThat(result.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(db.rows("SELECT phase, schema_version, lowest_release, highest_release FROM dbcreator_state"))
                .containsExactly("CLEAN | 4.0.0 | 4.0.0 | 4.0.0");
        assertThat(DbCreatorCli.run(db.admin(), "status").out()).contains("4 scripts applied", "4.3.0/rollback.sql", "4.1.0/rollback.sql");
    }

    @Test
    void rollbackOfACleanDatabaseShouldBeRefusedWithExit69(TestDatabase db) throws SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup", "--target", "4.1.0").exitCode()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "cleanup", "--confirm-nodes-restarted").exitCode()).isZero();

        DbCreatorCli.Result refused = DbCreatorCli.run(db.admin(), "rollback");

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ErrorCode.ROLLBACK_UNAVAILABLE.exitCode())
                .isEqualTo(69);
        assertThat(refused.err()).contains("ROLLBACK_UNAVAILABLE", "the cleanup to 4.1.0 ran");
        assertThat(db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | 4.1.0");
    }
}
