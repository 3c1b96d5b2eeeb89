package org.dbcreator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.testing.CatalogSteps;
import org.dbcreator.testing.RowChecksum;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample as the deploy loads it into a real server. */
@ExtendWith(TestDatabaseExtension.class)
class DemoSampleDataIT {

    private static final SampleSize SAMPLE = new SampleSize(20_000, 3);
    private static final List<String> TABLES = List.of("data_center", "account", "host", "vm_instance", "event",
            "usage_event");

    @Test
    void deployWithSampleShouldFillEveryTableButTheNodeRegistry(TestDatabase db) throws SQLException {
        CatalogSteps.deploy(db, "4.0.0", SAMPLE);

        assertThat(db.rows("SELECT (SELECT COUNT(*) FROM data_center), (SELECT COUNT(*) FROM account),"
                + " (SELECT COUNT(*) FROM host), (SELECT COUNT(*) FROM vm_instance), (SELECT COUNT(*) FROM event),"
                + " (SELECT COUNT(*) FROM usage_event), (SELECT COUNT(*) FROM mshost)"))
                .containsExactly("4 | 200 | 20 | 1000 | 20000 | 20000 | 0");
        db.execute("INSERT INTO account (uuid, name, type, created) VALUES (UUID(), 'after the sample', 0, NOW())");
        assertThat(db.number("SELECT id FROM account WHERE name = 'after the sample'")).isEqualTo(201);
    }

    @Test
    void textShouldReachTheServerIntact(TestDatabase db) throws SQLException {
        CatalogSteps.deploy(db, "4.0.0", SAMPLE);

        DemoSampleData generator = new DemoSampleData();
        List<Object> generated = Stream.of(0, 1) // the data centers, then the accounts
                .flatMap(batch -> generator.batch(SAMPLE, batch).orElseThrow().rows().stream()).map(row -> row[2]).toList();
        List<String> stored = new ArrayList<>(db.rows("SELECT name FROM data_center ORDER BY id"));
        stored.addAll(db.rows("SELECT name FROM account ORDER BY id"));
        assertThat(stored).isEqualTo(generated);
        assertThat(db.number("SELECT COUNT(*) FROM vm_instance WHERE display_name LIKE '%✨%'")).isPositive();
    }

    @Test
    void interruptedLoadShouldResumeWithTheRowsAnUninterruptedOneWrites(TestDatabase db, TestDatabase reference)
            throws SQLException {
        AtomicInteger batches = new AtomicInteger();
        ProgressListener crashAfterSixBatches = event -> {
            if (event instanceof ProgressEvent.BatchDone done && done.migration().equals(DemoSampleData.class.getName())
                    && batches.incrementAndGet() == 6) {
                throw new IllegalStateException("simulated crash in the middle of the events");
            }
        };
        assertThatThrownBy(() -> deploy(db, crashAfterSixBatches)).hasMessageContaining("simulated crash");
        assertThat(db.number("SELECT COUNT(*) FROM event")).isEqualTo(10_000); // 4 batches of other tables, then 2

        assertThat(deploy(db, ProgressListener.NONE).outcome()).isEqualTo(DeployResult.Outcome.RESUMED);
        deploy(reference, ProgressListener.NONE);

        for (String table : TABLES) {
            String columns = String.join(", ", reference.rows("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = '" + reference.name() + "' AND TABLE_NAME = '" + table + "'"));
            assertThat(RowChecksum.of(db, table, columns)).as(table).isEqualTo(RowChecksum.of(reference, table, columns));
        }
    }

    private static DeployResult deploy(TestDatabase db, ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(CatalogSteps.CATALOG, db.admin(), listener)) {
            return engine.deploy(Optional.of(Version.parse("4.0.0")), SAMPLE);
        }
    }
}
