package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.SchemaIntrospector;
import org.dbcreator.db.SchemaSnapshot;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.RowChecksum;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rolling upgrade: expand, then cleanup, from every older release, and its refusals. */
@ExtendWith(TestDatabaseExtension.class)
class UpgradeIT {

    private static final Catalog CATALOG = Catalog.bundled();

    static Stream<String> olderReleases() {
        return CATALOG.versions().stream().filter(v -> v.isOlderThan(CATALOG.latestVersion())).map(Version::toString);
    }

    private static Operator operator(TestDatabase db) {
        return new Operator(CATALOG, db.admin());
    }

    /** Columns no step of the demo catalog changes: their rows must come through every upgrade untouched. */
    private static final Map<String, String> UNTOUCHED = Map.of(
            "event", "id, type, state, description, account_id, created",
            "usage_event", "id, type, account_id, zone_id, resource_id, resource_name, size, created, processed",
            "vm_instance", "id, uuid, name, display_name, account_id, data_center_id, host_id, state, cpu, ram_mb, created, removed",
            "account", "id, uuid, name, type, state, created, removed",
            "data_center", "id, uuid, name, description, network_type, created, removed",
            "host", "id, name, data_center_id, private_ip, hypervisor_type, status, created, removed",
            "configuration", "name, category, value, default_value, description");

    private static final SampleSize SAMPLE = new SampleSize(3_000, 7);

    @ParameterizedTest(name = "from {0}")
    @MethodSource("olderReleases")
    void upgradeThenCleanupShouldEndLikeAFreshDeployOfTheLatest(String release, TestDatabase db) throws SQLException {
        Operator op = operator(db);
        op.deploy(release, SAMPLE);
        Map<String, String> before = untouchedRows(db);

        UpgradeResult expanded = op.upgrade(ProgressListener.NONE);

        assertThat(expanded.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        StatusReport afterExpand = op.status();
        assertThat(afterExpand.phase()).contains(Phase.EXPANDED);
        assertThat(afterExpand.lowestRelease()).contains(Version.parse(release));
        assertThat(afterExpand.highestRelease()).contains(CATALOG.latestVersion());

        UpgradeResult cleaned = op.cleanup(ProgressListener.NONE);

        assertThat(cleaned.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        StatusReport afterCleanup = op.status();
        assertThat(afterCleanup.phase()).contains(Phase.CLEAN);
        assertThat(afterCleanup.schemaVersion()).contains(CATALOG.latestVersion());
        assertThat(afterCleanup.lowestRelease()).isEqualTo(afterCleanup.highestRelease()).contains(CATALOG.latestVersion());
        try (TestDatabase fresh = TestDatabase.unique()) {
            operator(fresh).deploy(null, SAMPLE);
            assertThat(productSchema(db).differencesFrom(productSchema(fresh))).isEmpty();
            assertThat(untouchedRows(db)).isEqualTo(before).isEqualTo(untouchedRows(fresh));
        }
    }

    private static Map<String, String> untouchedRows(TestDatabase db) throws SQLException {
        Map<String, String> checksums = new TreeMap<>();
        for (Map.Entry<String, String> table : UNTOUCHED.entrySet()) {
            checksums.put(table.getKey(), RowChecksum.of(db, table.getKey(), table.getValue()));
        }
        return checksums;
    }

    @Test
    void upgradeRunAgainAfterSuccessShouldChangeNothing(TestDatabase db) throws SQLException {
        Operator op = operator(db);
        op.deploy(CATALOG.baselineVersion().toString(), SampleSize.none());
        op.upgrade(ProgressListener.NONE);
        Footprint before = Footprint.of(db);
        List<String> alterCounters = ddlCounters(db);

        UpgradeResult again = op.upgrade(ProgressListener.NONE);

        assertThat(again.outcome()).isEqualTo(UpgradeResult.Outcome.NOTHING_TO_DO);
        assertThat(again.checks().checks()).anySatisfy(c -> assertThat(c.evidence()).contains("nothing to do"));
        assertThat(ddlCounters(db)).isEqualTo(alterCounters);
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void dryRunShouldListEveryStatementAndWriteNothing(TestDatabase db) throws SQLException {
        Operator op = operator(db);
        op.deploy(CATALOG.baselineVersion().toString(), SampleSize.none());
        Footprint before = Footprint.of(db);

        UpgradeResult dry = op.dryRunUpgrade();

        assertThat(dry.outcome()).isEqualTo(UpgradeResult.Outcome.DRY_RUN);
        long expected = Plans.expand(CATALOG, CATALOG.baselineVersion(), CATALOG.latestVersion()).stream()
                .filter(PlanItem.ScriptItem.class::isInstance)
                .mapToLong(item -> ((PlanItem.ScriptItem) item).script().statements().size()).sum();
        assertThat(dry.preview().orElseThrow().items().stream().mapToLong(i -> i.statements().size()).sum())
                .isEqualTo(expected).isPositive();
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @ParameterizedTest(name = "clean at {0}")
    @MethodSource("oldestAndLatest")
    void cleanupOfACleanDatabaseShouldBeNothingToDoAndChangeNothing(String version, TestDatabase db) throws SQLException {
        Operator op = operator(db);
        op.deploy(version, SampleSize.none());
        Footprint before = Footprint.of(db);
        List<String> notices = new java.util.ArrayList<>();

        UpgradeResult result = op.cleanup(event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        });

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.NOTHING_TO_DO);
        assertThat(result.applied()).isZero();
        assertThat(Footprint.of(db)).isEqualTo(before);
        assertThat(op.status().phase()).contains(Phase.CLEAN);
        assertThat(op.status().schemaVersion()).contains(Version.parse(version));
        boolean latest = version.equals(CATALOG.latestVersion().toString());
        assertThat(notices).singleElement().asString().contains("Nothing to clean up", "clean at " + version)
                .satisfies(n -> assertThat(n.contains("The next step is an upgrade to " + CATALOG.latestVersion()))
                        .isEqualTo(!latest));
    }

    static Stream<String> oldestAndLatest() {
        return Stream.of(CATALOG.baselineVersion().toString(), CATALOG.latestVersion().toString());
    }

    @Test
    void cleanupOfAProductWithoutNodeRegistryShouldWaitForTheOperatorsConfirmation(TestDatabase db) throws SQLException {
        Operator op = new Operator(Catalog.fromDirectory(Path.of("src/test/resources/catalogs/slow")), db.admin());
        op.deploy("1.0.0", SampleSize.none());
        op.upgrade(ProgressListener.NONE);
        Footprint before = Footprint.of(db);
        CleanupRequest unconfirmed = new CleanupRequest(false, false, Set.of(), false, Optional.empty());

        assertThatThrownBy(() -> op.cleanup(unconfirmed, ProgressListener.NONE)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED);
                    assertThat(e.fix()).containsExactly(new NextAction.Cleanup(Version.parse("1.1.0"), true));
                })
                .hasMessageContaining("confirm that they were restarted");
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void upgradeOfAnUnmanagedDatabaseShouldBeRefused(TestDatabase db) throws SQLException {
        db.create();
        assertThatThrownBy(() -> operator(db).upgrade(ProgressListener.NONE)).isInstanceOfSatisfying(
                DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_NOT_MANAGED));
    }

    @Test
    void twoUpgradesStartedAtOnceShouldRunExactlyOnce(TestDatabase db) throws Exception {
        operator(db).deploy(CATALOG.baselineVersion().toString(), SampleSize.none());
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> upgradeAfter(start, db));
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> upgradeAfter(start, db));
        start.countDown();
        List<Object> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

        assertThat(outcomes).filteredOn(UpgradeResult.class::isInstance).hasSize(1)
                .allSatisfy(r -> assertThat(((UpgradeResult) r).outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED));
        assertThat(outcomes).filteredOn(DbCreatorException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((DbCreatorException) e).code()).isEqualTo(ErrorCode.LOCK_HELD));
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_history WHERE operation = 'UPGRADE'"))
                .isEqualTo(Plans.expand(CATALOG, CATALOG.baselineVersion(), CATALOG.latestVersion()).size());
    }

    private static Object upgradeAfter(CountDownLatch start, TestDatabase db) {
        try {
            start.await();
            return operator(db).upgrade(ProgressListener.NONE);
        } catch (DbCreatorException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** The server's own counts of DDL statements: an upgrade that does nothing must not move them. */
    private static List<String> ddlCounters(TestDatabase db) throws SQLException {
        return db.rows("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_alter_table', 'Com_create_table',"
                + " 'Com_create_index', 'Com_drop_table', 'Com_drop_index', 'Com_create_trigger', 'Com_create_view',"
                + " 'Com_create_procedure')");
    }

    static SchemaSnapshot productSchema(TestDatabase db) throws SQLException {
        try (Connection c = db.server().adminConnection()) {
            return SchemaIntrospector.productSchema(c, db.name());
        }
    }
}
