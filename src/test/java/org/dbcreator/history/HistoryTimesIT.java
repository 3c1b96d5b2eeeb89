package org.dbcreator.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history keeps its times to the millisecond on every server: Connector/J drops fractional
 * seconds for MariaDB 10.x (it reads the version as MySQL 5.5), and the Done page then showed
 * every phase as taking a whole number of seconds.
 */
@ExtendWith(TestDatabaseExtension.class)
class HistoryTimesIT {

    @Test
    void aScriptsTimesShouldReadBackToTheMillisecond(TestDatabase db) throws Exception {
        db.create();
        JdbcHistory history = new JdbcHistory(db.name());
        Instant started = Instant.parse("2026-12-03T10:00:00.123Z");
        Instant finished = Instant.parse("2026-12-03T10:00:01.987Z");
        try (Connection c = db.server().adminConnection()) {
            history.createTables(c);
            history.recordApplied(c, new AppliedScript(UUID.randomUUID().toString(), "UPGRADE", Version.parse("4.1.0"),
                    ScriptKind.EXPAND, "4.1.0/expand.sql", "abc", 3, "tester", started, finished));

            AppliedScript read = history.applied(c).get(0);

            assertThat(read.startedAt()).isEqualTo(started);
            assertThat(read.finishedAt()).isEqualTo(finished);
        }
        assertThat(db.rows("SELECT DATE_FORMAT(finished_at, '%f') FROM dbcreator_history"))
                .as("what the server holds").containsExactly("987000");
    }
}
