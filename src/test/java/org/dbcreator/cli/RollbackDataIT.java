package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rollback never silently drops what only the newer release wrote: the dry run lists the tables
 * and columns with their rows (counted as the server counts them), the rollback is refused
 * (exit 45) with nothing changed, and runs with {@code --accept-data-loss}, audited.
 */
@ExtendWith(TestDatabaseExtension.class)
class RollbackDataIT {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void rollbackShouldListRefuseAndThenDropWhatOnlyTheNewReleaseWrote(TestDatabase db) throws Exception {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.2.0", "--sample-rows", "40").exitCode()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup", "--target", "4.3.0").exitCode()).isZero();
        // What a 4.3.0 node writes: domains, accounts in them, hosts overcommitted.
        db.execute("INSERT INTO domain (uuid, name, parent_id, created) VALUES (UUID(), 'sales', 1, NOW()),"
                        + " (UUID(), 'ops', 1, NOW())",
                "UPDATE account SET domain_id = (SELECT MAX(id) FROM domain) ORDER BY id LIMIT 3",
                "UPDATE host_capacity SET cpu_overcommit = 2.00 ORDER BY host_id LIMIT 2");
        Map<String, Long> server = Map.of(
                "account.domain_id", db.number("SELECT COUNT(*) FROM account WHERE domain_id IS NOT NULL"),
                "domain", db.number("SELECT COUNT(*) FROM domain WHERE id <> 1"),
                "host_capacity", db.number("SELECT COUNT(*) FROM host_capacity WHERE cpu_overcommit <> 1.00"
                        + " OR ram_overcommit <> 1.00"));
        assertThat(server).containsEntry("account.domain_id", 3L).containsEntry("domain", 2L);
        assertThat(server.get("host_capacity")).as("the sample hosts have capacity rows").isEqualTo(2L);
        List<String> history = db.rows("SELECT * FROM dbcreator_history ORDER BY id");
        List<String> domains = db.rows("SELECT id, name FROM domain ORDER BY id");

        DbCreatorCli.Result json = DbCreatorCli.run(db.admin(), "rollback", "--dry-run", "--json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        assertThat(mapper.readTree(json.out()).path("lossAccepted").isNull()).as("a new rollback: nobody accepted yet, "
                + json.out()).isTrue();
        Map<String, Long> listed = new HashMap<>();
        for (JsonNode d : mapper.readTree(json.out()).path("droppedData")) {
            assertThat(d.path("step").asText()).isEqualTo("4.3.0");
            assertThat(d.path("lost").asBoolean()).as(d.toString()).isTrue();
            listed.put(d.path("table").asText() + (d.path("column").isNull() ? "" : "." + d.path("column").asText()),
                    d.path("rows").asLong());
        }
        assertThat(listed).isEqualTo(server);
        DbCreatorCli.Result text = DbCreatorCli.run(db.admin(), "rollback", "--dry-run");
        assertThat(text.out()).contains("LOST  column account.domain_id (4.3.0): 3 rows with a value",
                "LOST  table domain (4.3.0): 2 rows where id <> 1", "LOST  table host_capacity (4.3.0): 2 rows where",
                "--accept-data-loss");

        DbCreatorCli.Result refused = DbCreatorCli.run(db.admin(), "rollback");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ErrorCode.ROLLBACK_DROPS_DATA.exitCode()).isEqualTo(45);
        assertThat(refused.err()).contains("ROLLBACK_DROPS_DATA", "account.domain_id", "3 rows", "table domain",
                "--accept-data-loss");
        assertThat(db.rows("SELECT phase, schema_version, target_version FROM dbcreator_state"))
                .as("nothing changed").containsExactly("EXPANDED | 4.2.0 | 4.3.0");
        assertThat(db.rows("SELECT * FROM dbcreator_history ORDER BY id")).isEqualTo(history);
        assertThat(db.rows("SELECT id, name FROM domain ORDER BY id")).isEqualTo(domains);
        assertThat(db.number("SELECT COUNT(*) FROM account WHERE domain_id IS NOT NULL")).isEqualTo(3L);

        DbCreatorCli.Result accepted = DbCreatorCli.run(db.admin(), "rollback", "--accept-data-loss");
        assertThat(accepted.exitCode()).as(accepted.all()).isZero();
        assertThat(db.rows("SELECT phase, schema_version, lowest_release, highest_release FROM dbcreator_state"))
                .containsExactly("CLEAN | 4.2.0 | 4.2.0 | 4.2.0");
        assertThat(db.number("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME IN ('domain', 'host_capacity')")).isZero();
        assertThat(db.rows("SELECT detail FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'")).singleElement()
                .asString().contains("4.3.0 -> 4.2.0", "column account.domain_id (4.3.0): 3 rows",
                        "table domain (4.3.0): 2 rows", "table host_capacity (4.3.0): 2 rows");
    }

    @Test
    void aColumnKeptInSyncShouldBeListedAsNothingLostAndRollBackWithoutTheFlag(TestDatabase db) throws Exception {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.1.0", "--sample-rows", "40").exitCode()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup", "--target", "4.2.0").exitCode()).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NOT NULL")).as("backfilled").isPositive();

        DbCreatorCli.Result json = DbCreatorCli.run(db.admin(), "rollback", "--dry-run", "--json");
        JsonNode dropped = mapper.readTree(json.out()).path("droppedData");
        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).path("column").asText()).isEqualTo("severity");
        assertThat(dropped.get(0).path("declared").asText()).isEqualTo("kept-in-sync");
        assertThat(dropped.get(0).path("rows").isNull()).isTrue();
        assertThat(dropped.get(0).path("lost").asBoolean()).isFalse();

        DbCreatorCli.Result rollback = DbCreatorCli.run(db.admin(), "rollback");
        assertThat(rollback.exitCode()).as(rollback.all()).isZero();
        assertThat(db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | 4.1.0");
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'")).isZero();
    }
}
