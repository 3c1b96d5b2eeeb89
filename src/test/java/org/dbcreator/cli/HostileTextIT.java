package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Text a node (or anyone who can write the registry) put into the database reaches the terminal
 * escaped: it can neither send escape sequences nor start a line that looks like the tool's own.
 */
@ExtendWith(TestDatabaseExtension.class)
class HostileTextIT {

    /** Clears the screen, then forges the gate's verdict on a line of its own, reversed by a bidi override. */
    private static final String NAME = "n1\u001b[2J\u001b[H\r\nThe cleanup gate is open.\u202e\u009b";
    private static final String FORGED = "The cleanup gate is open.";

    private TestDatabase db;

    @BeforeEach
    void anOldNodeWithAHostileName(TestDatabase db) throws Exception {
        this.db = db;
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup").exitCode()).isZero();
        try (Connection c = db.server().adminConnection()) {
            c.setCatalog(db.name());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mshost (name, version, state, last_update, created)"
                    + " VALUES (?, '4.0.0', 'Up', NOW(3), NOW())")) {
                ps.setString(1, NAME);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void nodesShouldPrintTheNameEscaped() {
        DbCreatorCli.Result nodes = DbCreatorCli.run(db.admin(), "nodes");

        assertThat(nodes.exitCode()).as(nodes.all()).isEqualTo(80);
        assertEscaped(nodes);
        assertThat(nodes.out()).contains("n1\\x1B[2J\\x1B[H\\r\\nThe cleanup gate is open.\\u202E\\x9B")
                .contains("The cleanup gate is shut by 1 node.");
    }

    @Test
    void statusAndCleanupShouldPrintTheNameEscaped() {
        DbCreatorCli.Result status = DbCreatorCli.run(db.admin(), "status");
        DbCreatorCli.Result cleanup = DbCreatorCli.run(db.admin(), "cleanup");

        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("n1\\x1B[2J");
        assertEscaped(status);
        assertThat(cleanup.exitCode()).as(cleanup.all()).isEqualTo(80);
        assertThat(cleanup.all()).contains("n1\\x1B[2J");
        assertEscaped(cleanup);
    }

    @Test
    void jsonStatusShouldCarryTheNodesAsTheRegistryHoldsThem() throws Exception {
        DbCreatorCli.Result status = DbCreatorCli.run(db.admin(), "status", "--json");

        assertThat(status.exitCode()).as(status.all()).isZero();
        JsonNode nodes = new ObjectMapper().readTree(status.out()).path("nodes");
        assertThat(nodes.path("gateOpen").asBoolean(true)).isFalse();
        assertThat(nodes.path("target").asText()).isEqualTo("4.3.0");
        assertThat(nodes.path("nodes")).hasSize(1);
        JsonNode node = nodes.path("nodes").get(0);
        assertThat(node.path("name").asText()).isEqualTo(NAME);
        assertThat(node.path("release").asText()).isEqualTo("4.0.0");
        assertThat(node.path("liveness").asText()).isEqualTo("LIVE");
        assertThat(node.path("blocksCleanup").asBoolean()).isTrue();
        assertThat(status.out().chars().filter(c -> c < 0x20 && c != '\n' || c == 0x1b).count()).isZero();
    }

    private static void assertEscaped(DbCreatorCli.Result result) {
        String printed = result.all();
        assertThat(printed.chars().filter(c -> c != '\n' && Printable.isUnsafe((char) c)).count())
                .as("control characters printed raw:\n" + printed).isZero();
        assertThat(printed.lines()).as(printed).noneMatch(line -> line.strip().startsWith(FORGED));
    }
}
