package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.StrictSchema;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aborting an upgrade: every step of the demo catalog, and the whole way from the baseline to the
 * latest release, expanded over sample data and rolled back, leaves a schema equal (strictly, as
 * information_schema tells it) to a fresh deploy of the old release, with every row as it was.
 * Interrupted anywhere, a rollback run again ends the same; an interrupted expand rolls back too.
 */
@ExtendWith(TestDatabaseExtension.class)
class RollbackIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final SampleSize SAMPLE = new SampleSize(3_000, SampleSize.DEFAULT_SEED);

    record Hop(Version from, Version to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    static Stream<Hop> everyStepAndTheWholeWay() {
        List<Hop> hops = new ArrayList<>();
        for (Step step : CATALOG.manifest().steps()) {
            hops.add(new Hop(step.from(), step.to()));
        }
        hops.add(new Hop(CATALOG.baselineVersion(), CATALOG.latestVersion()));
        return hops.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStepAndTheWholeWay")
    void rollbackShouldLeaveTheSchemaOfAFreshDeployAndEveryRow(Hop hop, TestDatabase db, TestDatabase fresh)
            throws SQLException {
        engine(db, e -> e.deploy(Optional.of(hop.from()), SAMPLE));
        List<String> rowsBefore = StrictSchema.rows(db);
        engine(db, e -> e.upgrade(Optional.of(hop.to()), false, BackupPolicy.skip()));
        assertThat(StrictSchema.of(db)).as("the expand changed the schema").isNotEqualTo(schemaOfFresh(fresh, hop.from()));

        UpgradeResult rollback = engine(db, e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none()));

        assertThat(rollback.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(rollback.operation()).isEqualTo(OperationKind.ROLLBACK);
        assertThat(rollback.from()).isEqualTo(hop.to());
        assertThat(rollback.to()).isEqualTo(hop.from());
        assertThat(rollback.applied()).isEqualTo(CATALOG.stepsBetween(hop.from(), hop.to()).size());
        assertCleanAt(db, hop.from());
        assertThat(StrictSchema.of(db)).containsExactlyElementsOf(schemaOfFresh(fresh, hop.from()));
        assertThat(StrictSchema.rows(db)).containsExactlyElementsOf(rowsBefore);
        assertRolledBackInHistory(db, hop);
    }

    @Test
    void aDatabaseRolledBackShouldUpgradeAgainToTheSameSchema(TestDatabase db, TestDatabase fresh) throws SQLException {
        Version from = CATALOG.baselineVersion();
        Version to = CATALOG.latestVersion();
        engine(db, e -> e.deploy(Optional.of(from), SampleSize.none()));
        engine(db, e -> e.upgrade(Optional.of(to), false, BackupPolicy.skip()));
        engine(db, e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none()));

        UpgradeResult again = engine(db, e -> e.upgrade(Optional.of(to), false, BackupPolicy.skip()));
        assertThat(again.applied()).as("expands and migrations applied again").isEqualTo(2 * CATALOG.stepsBetween(from, to).size());
        engine(db, e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none()));
        assertCleanAt(db, from);
        assertThat(StrictSchema.of(db)).containsExactlyElementsOf(schemaOfFresh(fresh, from));
        assertThat(db.rows("SELECT COUNT(*) FROM dbcreator_history WHERE kind = 'ROLLBACK'"))
                .as("one rollback row per step: the second rollback replaced the first").containsExactly(
                        String.valueOf(CATALOG.stepsBetween(from, to).size()));
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'ROLLBACK'"))
                .as("both rollbacks audited").isEqualTo(2L * CATALOG.stepsBetween(from, to).size());
    }

    @Test
    void rollbackToAnIntermediateReleaseShouldLeaveTheRangeUpToIt(TestDatabase db) throws SQLException {
        Version from = CATALOG.baselineVersion();
        Version middle = CATALOG.manifest().steps().get(0).to();
        engine(db, e -> e.deploy(Optional.of(from), SampleSize.none()));
        engine(db, e -> e.upgrade(Optional.of(CATALOG.latestVersion()), false, BackupPolicy.skip()));

        UpgradeResult result = engine(db, e -> e.rollback(new RollbackRequest(Optional.of(middle), false, Set.of(), false),
                Cancellation.none()));

        assertThat(result.to()).isEqualTo(middle);
        assertThat(db.rows("SELECT phase, schema_version, target_version, lowest_release, highest_release"
                + " FROM dbcreator_state")).containsExactly("EXPANDED | " + from + " | " + middle + " | " + from + " | " + middle);
        assertThat(db.rows("SELECT kind FROM dbcreator_history WHERE version = '" + middle + "' ORDER BY id"))
                .as("the step returned to stays expanded").containsExactly("EXPAND", "MIGRATION");
        assertThat(db.rows("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME = 'host' AND COLUMN_NAME = 'uuid'")).containsExactly("1");
    }

    /** A point is the n-th statement of the rollback of the whole way, after which its connection is killed. */
    static Stream<Integer> everyRollbackStatement() {
        int statements = CATALOG.stepsBetween(CATALOG.baselineVersion(), CATALOG.latestVersion()).stream()
                .mapToInt(step -> CATALOG.rollbackScript(step).orElseThrow().statements().size()).sum();
        return IntStream.range(0, statements).boxed();
    }

    @ParameterizedTest(name = "connection killed after rollback statement {0}")
    @MethodSource("everyRollbackStatement")
    void rollbackShouldResumeAfterTheConnectionWasKilled(int after, TestDatabase db, TestDatabase fresh)
            throws SQLException {
        Version from = CATALOG.baselineVersion();
        engine(db, e -> e.deploy(Optional.of(from), SAMPLE));
        List<String> rowsBefore = StrictSchema.rows(db);
        engine(db, e -> e.upgrade(Optional.of(CATALOG.latestVersion()), false, BackupPolicy.skip()));
        AtomicInteger seen = new AtomicInteger();
        ProgressListener killer = event -> {
            if (event instanceof ProgressEvent.StatementDone && seen.getAndIncrement() == after) {
                InterruptionIT.killConnectionsTo(db);
            }
        };

        assertThatThrownBy(() -> engine(db, killer, e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none())))
                .isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.CONNECTION_LOST));
        assertThat(db.rows("SELECT phase, highest_release FROM dbcreator_state"))
                .containsExactly("ROLLING_BACK | " + from);

        UpgradeResult resumed = engine(db, e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none()));

        assertThat(resumed.outcome()).isEqualTo(UpgradeResult.Outcome.RESUMED);
        assertCleanAt(db, from);
        assertThat(StrictSchema.of(db)).containsExactlyElementsOf(schemaOfFresh(fresh, from));
        assertThat(StrictSchema.rows(db)).containsExactlyElementsOf(rowsBefore);
    }

    /** A point is the n-th statement or batch of the expand of the whole way, after which its connection is killed. */
    static Stream<Integer> everyExpandPoint() {
        try (TestDatabase db = TestDatabase.unique()) {
            engine(db, e -> e.deploy(Optional.of(CATALOG.baselineVersion()), SampleSize.none()));
            AtomicInteger points = new AtomicInteger();
            engine(db, event -> {
                if (event instanceof ProgressEvent.StatementDone || event instanceof ProgressEvent.BatchDone) {
                    points.incrementAndGet();
                }
            }, e -> e.upgrade(Optional.of(CATALOG.latestVersion()), false, BackupPolicy.skip()));
            return IntStream.range(0, points.get() - 1).boxed(); // killed after the last point, the expand is done
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "expand interrupted after point {0}")
    @MethodSource("everyExpandPoint")
    void anInterruptedExpandShouldRollBackToAFreshDeploy(int after, TestDatabase db, TestDatabase fresh)
            throws SQLException {
        Version from = CATALOG.baselineVersion();
        engine(db, e -> e.deploy(Optional.of(from), SampleSize.none()));
        AtomicInteger seen = new AtomicInteger();
        ProgressListener killer = event -> {
            if ((event instanceof ProgressEvent.StatementDone || event instanceof ProgressEvent.BatchDone)
                    && seen.getAndIncrement() == after) {
                InterruptionIT.killConnectionsTo(db);
            }
        };
        assertThatThrownBy(() -> engine(db, killer, e -> e.upgrade(Optional.of(CATALOG.latestVersion()), false,
                BackupPolicy.skip()))).isInstanceOf(DbCreatorException.class);
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDING");

        engine(db, e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none()));

        assertCleanAt(db, from);
        assertThat(StrictSchema.of(db)).containsExactlyElementsOf(schemaOfFresh(fresh, from));
        assertThat(db.rows("SELECT COUNT(*) FROM dbcreator_history WHERE kind IN ('EXPAND', 'MIGRATION')"))
                .containsExactly("0");
    }

    @Test
    void rollbackAfterTheCleanupShouldBeRefusedNamingTheBackupToRestore(TestDatabase db, @TempDir Path temp)
            throws SQLException {
        engine(db, e -> e.deploy(Optional.of(CATALOG.baselineVersion()), SampleSize.none()));
        engine(db, e -> e.upgrade(Optional.of(CATALOG.latestVersion()), false,
                BackupPolicy.takeFirst(BackupRequest.to(temp))));
        engine(db, e -> e.cleanup(CleanupRequest.withConfirmation()));
        String file = db.rows("SELECT file FROM dbcreator_backup WHERE kind = 'BACKUP'").get(0);

        assertThatThrownBy(() -> engine(db, e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none())))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLBACK_UNAVAILABLE);
                    assertThat(e.getMessage()).contains(file).contains("every write since then would be lost");
                    assertThat(e.fix()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(
                            NextAction.RestoreBackupInstead.class, r -> {
                                assertThat(r.file()).isEqualTo(file);
                                assertThat(r.database()).isEqualTo(db.name());
                            }));
                });
        assertCleanAt(db, CATALOG.latestVersion());
    }

    @Test
    void aStepWithoutRollbackScriptShouldMakeRollbackUnavailablePastIt(TestDatabase db, @TempDir Path temp)
            throws Exception {
        Catalog noWayBack = Catalog.fromDirectory(TestCatalogs.withManifest(temp,
                m -> m.replace("    rollback: 4.2.0/rollback.sql\n", "")));
        Version from = CATALOG.baselineVersion();
        engine(noWayBack, db, ProgressListener.NONE, e -> e.deploy(Optional.of(from), SampleSize.none()));
        engine(noWayBack, db, ProgressListener.NONE, e -> e.upgrade(Optional.of(CATALOG.latestVersion()), false,
                BackupPolicy.skip()));
        List<String> expanded = StrictSchema.of(db);

        assertThatThrownBy(() -> engine(noWayBack, db, ProgressListener.NONE,
                e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none())))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLBACK_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("4.1.0 -> 4.2.0 has no rollback script");
                });
        UpgradeResult toMiddle = engine(noWayBack, db, ProgressListener.NONE, e -> e.rollback(
                new RollbackRequest(Optional.of(Version.parse("4.2.0")), false, Set.of(), false), Cancellation.none()));
        assertThat(toMiddle.applied()).as("the step after it can still be undone").isEqualTo(1);
        assertThat(StrictSchema.of(db)).isNotEqualTo(expanded);
        assertThat(db.rows("SELECT phase, highest_release FROM dbcreator_state")).containsExactly("EXPANDED | 4.2.0");
    }

    private static void assertCleanAt(TestDatabase db, Version version) throws SQLException {
        assertThat(db.rows("SELECT phase, schema_version, target_version, lowest_release, highest_release, run_id"
                + " FROM dbcreator_state")).containsExactly("CLEAN | " + version + " | " + version + " | " + version
                + " | " + version + " | null");
    }

    private static void assertRolledBackInHistory(TestDatabase db, Hop hop) throws SQLException {
        for (Step step : CATALOG.stepsBetween(hop.from(), hop.to())) {
            assertThat(db.rows("SELECT kind, operation FROM dbcreator_history WHERE version = '" + step.to() + "'"))
                    .as("history of %s", step).containsExactly("ROLLBACK | ROLLBACK");
        }
    }

    private List<String> freshSchema;

    /** The schema of a fresh deploy of {@code version}, into {@code fresh} the first time it is asked for. */
    private List<String> schemaOfFresh(TestDatabase fresh, Version version) throws SQLException {
        if (freshSchema == null) {
            engine(fresh, e -> e.deploy(Optional.of(version), SampleSize.none()));
            freshSchema = StrictSchema.of(fresh);
        }
        return freshSchema;
    }

    private static <T> T engine(TestDatabase db, java.util.function.Function<DbCreator, T> work) {
        return engine(CATALOG, db, ProgressListener.NONE, work);
    }

    private static <T> T engine(TestDatabase db, ProgressListener listener, java.util.function.Function<DbCreator, T> work) {
        return engine(CATALOG, db, listener, work);
    }

    private static <T> T engine(Catalog catalog, TestDatabase db, ProgressListener listener,
            java.util.function.Function<DbCreator, T> work) {
        try (DbCreator engine = DbCreator.connect(catalog, db.admin(), listener)) {
            return work.apply(engine);
        }
    }
}
