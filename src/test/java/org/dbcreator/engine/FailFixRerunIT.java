package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.SchemaIntrospector;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Bystander;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property over random histories: statements that the server refuses until the operator fixes
 * the environment, connections killed and processes "crashed" after random statements, fixes
 * applied at random moments, reruns until done. Whatever the history, the end state equals that
 * of a clean run in the fixed environment, read from the server.
 */
@ExtendWith(TestDatabaseExtension.class)
class FailFixRerunIT {

    /** What the operator does about the refusals: each unblocks one statement, in any order. */
    private static final List<String> FIXES = List.of(
            "CREATE TABLE missing (id int PRIMARY KEY) ENGINE=InnoDB",
            "DELETE FROM x WHERE id = 2",
            "ALTER TABLE b DROP FOREIGN KEY fk_b_a",
            "DROP TABLE legacy");

    private static final Map<String, String> SCRIPTS = Map.of(
            "1.0.0/create-schema.sql", """
                    CREATE TABLE x (id int PRIMARY KEY, v varchar(20)) ENGINE=InnoDB;
                    INSERT INTO x VALUES (1, 'one'), (2, 'two');
                    CREATE TABLE a (id int PRIMARY KEY) ENGINE=InnoDB;
                    CREATE TABLE b (id int PRIMARY KEY, a_id int,
                      CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id)) ENGINE=InnoDB;
                    INSERT INTO a VALUES (1);
                    INSERT INTO b VALUES (1, 1);
                    CREATE TABLE legacy (id int PRIMARY KEY) ENGINE=InnoDB;
                    """,
            "1.1.0/expand.sql", """
                    ALTER TABLE x ADD COLUMN note varchar(20) NULL;
                    CREATE TABLE y (id int PRIMARY KEY, x_id int) ENGINE=InnoDB;
                    INSERT INTO y VALUES (1, 1);
                    -- refused until the table exists
                    ALTER TABLE missing ADD COLUMN note varchar(20) NULL;
                    CREATE INDEX ix_y_x ON y (x_id);
                    -- refused until row 2 is gone
                    INSERT INTO x (id, v) VALUES (2, 'deux'), (3, 'three');
                    UPDATE x SET note = 'seen' WHERE id <= 3;
                    CREATE VIEW xv AS SELECT id, v, note FROM x;
                    -- refused while the leftover table of that name is there
                    CREATE TABLE legacy (id int PRIMARY KEY, extra int) ENGINE=InnoDB;
                    """,
            "1.1.0/cleanup.sql", """
                    ALTER TABLE y ADD CONSTRAINT fk_y_x FOREIGN KEY (x_id) REFERENCES x (id);
                    -- refused until nothing references it
                    DROP TABLE a;
                    ALTER TABLE x MODIFY v varchar(20) NOT NULL;
                    """);

    private static Catalog catalog;

    @BeforeAll
    static void writeCatalog(@TempDir Path dir) throws IOException {
        catalog = Catalog.fromDirectory(TestCatalogs.write(dir, """
                product: failfix
                database: failfix
                baseline: { version: 1.0.0, schema: 1.0.0/create-schema.sql }
                steps:
                  - { from: 1.0.0, to: 1.1.0, expand: 1.1.0/expand.sql, cleanup: 1.1.0/cleanup.sql }
                """, SCRIPTS));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "history {0}")
    @MethodSource("seeds")
    void anyHistoryOfFailuresFixesAndInterruptionsShouldEndLikeACleanRun(long seed, TestDatabase db) throws SQLException {
        Random random = new Random(seed);
        try (Bystander bystander = Bystander.create()) {
            runHistory(random, db);
            bystander.assertUnchanged();
        }
    }

    private static void runHistory(Random random, TestDatabase db) throws SQLException {
        Operator op = new Operator(catalog, db.admin());
        op.deploy("1.0.0", SampleSize.none());
        List<String> fixesLeft = new ArrayList<>(FIXES);
        Collections.shuffle(fixesLeft, random);
        List<String> history = new ArrayList<>();

        runUntilDone(db, random, fixesLeft, history, op::upgrade);
        runUntilDone(db, random, fixesLeft, history, op::cleanup);

        try (TestDatabase reference = TestDatabase.unique()) {
            Operator clean = new Operator(catalog, reference.admin());
            clean.deploy("1.0.0", SampleSize.none());
            for (String fix : FIXES) {
                reference.execute(fix);
            }
            clean.upgrade(ProgressListener.NONE);
            clean.cleanup(ProgressListener.NONE);
            assertThat(endState(db)).as("after %s", history).isEqualTo(endState(reference));
        }
    }

    /** Runs the operation again and again, interrupting it at random and fixing a refusal's cause now and then. */
    private static void runUntilDone(TestDatabase db, Random random, List<String> fixesLeft, List<String> history,
            Function<ProgressListener, UpgradeResult> operation) throws SQLException {
        for (int attempt = 0; attempt < 40; attempt++) {
            int stopAfter = random.nextInt(3) == 0 ? Integer.MAX_VALUE : random.nextInt(12);
            boolean kill = random.nextBoolean();
            AtomicInteger steps = new AtomicInteger();
            ProgressListener interrupter = event -> {
                if (event instanceof ProgressEvent.StatementDone && steps.getAndIncrement() == stopAfter) {
                    if (kill) {
                        InterruptionIT.killConnectionsTo(db);
                    } else {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            };
            try {
                operation.apply(interrupter);
                history.add("done");
                return;
            } catch (DbCreatorException e) {
                assertThat(e.code()).as("after %s: %s", history, e.getMessage())
                        .isIn(ErrorCode.STATEMENT_FAILED, ErrorCode.CONNECTION_LOST);
                history.add(e.code() + (e.code() == ErrorCode.STATEMENT_FAILED ? " " + e.getMessage().split(":")[1] : ""));
                boolean stuck = attempt > 20;
                if (e.code() == ErrorCode.STATEMENT_FAILED && !fixesLeft.isEmpty() && (stuck || random.nextInt(3) > 0)) {
                    db.execute(fixesLeft.remove(0));
                    history.add("fix");
                }
            } catch (IllegalStateException e) {
                history.add("crash after " + stopAfter);
            }
        }
        throw new AssertionError("never finished: " + history);
    }

    /** The product's schema and rows, and the tool's verdict on the version. */
    private static List<String> endState(TestDatabase db) throws SQLException {
        List<String> state = new ArrayList<>();
        try (Connection c = db.server().adminConnection()) {
            state.add(SchemaIntrospector.productSchema(c, db.name()).toString());
        }
        for (String table : List.of("x", "y", "b", "missing", "xv", "legacy")) {
            state.add(table + ": " + db.rows("SELECT * FROM " + table + " ORDER BY 1"));
        }
        state.addAll(db.rows("SELECT schema_version, phase, lowest_release, highest_release FROM dbcreator_state"));
        state.addAll(db.rows("SELECT kind, script, checksum FROM dbcreator_history ORDER BY id"));
        return state;
    }

}
