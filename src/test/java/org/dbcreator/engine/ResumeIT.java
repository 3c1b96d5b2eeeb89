package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.db.Database;
import org.dbcreator.db.SchemaIntrospector;
import org.dbcreator.db.SchemaSnapshot;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An interrupted deploy resumes where it stopped and ends exactly like an uninterrupted one,
 * wherever the interruption fell.
 */
@ExtendWith(TestDatabaseExtension.class)
class ResumeIT {

    private static final Catalog CATALOG = Catalog.bundled();

    /** Every point where a deploy of the latest release can be cut: after each statement or batch. */
    static Stream<Integer> interruptionPoints() {
        AtomicInteger points = new AtomicInteger();
        try (TestDatabase db = TestDatabase.unique()) {
            deploy(db, event -> {
                if (isStep(event)) {
                    points.incrementAndGet();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return IntStream.range(0, points.get()).boxed();
    }

    private static boolean isStep(ProgressEvent event) {
        return event instanceof ProgressEvent.StatementDone || event instanceof ProgressEvent.BatchDone;
    }

    private static DeployResult deploy(TestDatabase db, ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), listener)) {
            return engine.deploy(Optional.empty());
        }
    }

    @ParameterizedTest(name = "connection killed after step {0}")
    @MethodSource("interruptionPoints")
    void deployShouldResumeAfterTheConnectionWasKilled(int point, TestDatabase db) throws SQLException {
        AtomicInteger seen = new AtomicInteger();
        List<ProgressEvent.StatementDone> killedAfter = new ArrayList<>();
        ProgressListener killer = event -> {
            if (isStep(event) && seen.getAndIncrement() == point) {
                if (event instanceof ProgressEvent.StatementDone done) {
                    killedAfter.add(done);
                }
                InterruptionIT.killConnectionsTo(db);
            }
        };
        assertThatThrownBy(() -> deploy(db, killer)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isIn(ErrorCode.CONNECTION_LOST, ErrorCode.STATEMENT_FAILED));
        // The kill fell between statements: at most the last schema statement before it is left STARTED (its
        // end waited for the next journal row, and data statements after it were rolled back), and is judged
        status(db).interrupted().ifPresent(at -> assertThat(killedAfter).singleElement().satisfies(done -> {
            assertThat(at.script()).isEqualTo(done.script());
            assertThat(at.refused()).isFalse();
            assertThat(at.line()).isLessThanOrEqualTo(done.line());
        }));

        DeployResult resumed = deploy(db, ProgressListener.NONE);

        assertThat(resumed.outcome()).isEqualTo(DeployResult.Outcome.RESUMED);
        assertEndsLikeAnUninterruptedDeploy(db);
    }

    @ParameterizedTest(name = "statement {0} ran but its end was never recorded")
    @MethodSource("schemaStatementsOfTheBaseline")
    void schemaStatementLeftStartedShouldBeJudgedFromInformationSchema(int index, TestDatabase db) throws SQLException {
        String baseline = CATALOG.baselineScript().path();
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> deploy(db, event -> {
            if (event instanceof ProgressEvent.StatementDone done && done.script().equals(baseline)
                    && seen.getAndIncrement() == index) {
                throw new IllegalStateException("simulated crash after statement " + index);
            }
        })).hasMessageContaining("simulated crash");
        db.execute("UPDATE dbcreator_journal SET outcome = 'STARTED', finished_at = NULL WHERE statement_index = "
                + index + " AND script = '" + baseline + "'");
        assertThat(status(db).interrupted()).hasValueSatisfying(at -> assertThat(at.script()).isEqualTo(baseline));

        List<String> notices = new ArrayList<>();
        deploy(db, event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        });

        assertThat(notices).anySatisfy(n -> assertThat(n).contains("took effect"));
        assertEndsLikeAnUninterruptedDeploy(db);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE outcome = 'JUDGED_DONE'")).isEqualTo(1);
    }

    static Stream<Integer> schemaStatementsOfTheBaseline() {
        var statements = CATALOG.baselineScript().statements();
        return IntStream.range(0, statements.size())
                .filter(i -> StatementKind.of(org.dbcreator.catalog.SqlTokens.of(statements.get(i).sql())) == StatementKind.SCHEMA)
                .boxed();
    }

    @Test
    @SuppressWarnings("try") // the other operator's lock is held for the block, never used in it
    void secondOperatorShouldBeRefusedAtOnceNamingTheHolder(TestDatabase db) {
        try (Database other = Database.connect(db.admin()); AdvisoryLock held = AdvisoryLock.acquire(other, "upgrade", "tester (ops on build-7)")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> deploy(db, ProgressListener.NONE))
                    .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_HELD))
                    .hasMessageContaining("locked by connection");
            assertThat(System.nanoTime() - start).as("refused without waiting").isLessThan(5_000_000_000L);
        }
    }

    private void assertEndsLikeAnUninterruptedDeploy(TestDatabase db) throws SQLException {
        try (TestDatabase reference = TestDatabase.unique()) {
            deploy(reference, ProgressListener.NONE);
            assertThat(productSchema(db).differencesFrom(productSchema(reference))).isEmpty();
            assertThat(db.rows("SELECT kind, script, checksum FROM dbcreator_history ORDER BY id"))
                    .isEqualTo(reference.rows("SELECT kind, script, checksum FROM dbcreator_history ORDER BY id"));
            assertThat(db.rows(STATE)).isEqualTo(reference.rows(STATE));
            assertThat(db.rows("SELECT * FROM configuration ORDER BY name"))
                    .isEqualTo(reference.rows("SELECT * FROM configuration ORDER BY name"));
        }
    }

    private static final String STATE =
            "SELECT product, schema_version, target_version, phase, lowest_release, highest_release, run_id FROM dbcreator_state";

    private static SchemaSnapshot productSchema(TestDatabase db) throws SQLException {
        try (Connection c = db.server().adminConnection()) {
            return SchemaIntrospector.productSchema(c, db.name());
        }
    }

    private static StatusReport status(TestDatabase db) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return engine.status(Optional.empty());
        }
    }

}
