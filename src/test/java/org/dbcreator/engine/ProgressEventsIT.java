package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.backup.RestoreRequest;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.demo.BackfillEventSeverity;
import org.dbcreator.demo.BackfillHostCapacity;
import org.dbcreator.demo.BackfillHostUuid;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events of real operations, in the order they came, against what the server says: the plan
 * matches what ran, every statement sent starts before it ends, a migration's expected rows are the
 * rows the server had to do, a backup's and restore test's tables hold the rows the server has,
 * a lock wait names the session that really holds the lock, and each phase change is the state row.
 */
@ExtendWith(TestDatabaseExtension.class)
class ProgressEventsIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String OLDEST = CATALOG.baselineVersion().toString();

    @TempDir
    Path folder;

    @Test
    void deployShouldReportItsPlanAndEveryStatementAsItRuns(TestDatabase db) throws SQLException {
        List<ProgressEvent> events = new ArrayList<>();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), events::add)) {
            engine.deploy(Optional.empty(), SampleSize.none());
        }

        assertInTimeOrder(events);
        RunPlanned plan = single(events, RunPlanned.class);
        assertThat(plan.operation()).isEqualTo("DEPLOY");
        assertThat(plan.items()).noneMatch(RunPlanned.Item::applied);
        assertThat(plan.items()).extracting(RunPlanned.Item::name)
                .containsExactlyElementsOf(of(events, ProgressEvent.ScriptStarted.class).stream()
                        .map(ProgressEvent.ScriptStarted::script).toList());
        assertThat(events.indexOf(plan)).isLessThan(events.indexOf(first(events, ProgressEvent.ScriptStarted.class)));
        for (RunPlanned.Item item : plan.items()) {
            ProgressEvent.ScriptStarted started = of(events, ProgressEvent.ScriptStarted.class).stream()
                    .filter(s -> s.script().equals(item.name())).findFirst().orElseThrow();
            assertThat(started.statements()).as(item.name()).isEqualTo(item.statements());
        }
        assertStatementsStartBeforeTheyEnd(events);
        assertThat(of(events, ProgressEvent.StatementDone.class)).hasSize(plan.statementsToRun());
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE outcome = 'DONE' AND statement_line > 0"))
                .as("every statement sent but the session ones is journaled")
                .isEqualTo(of(events, ProgressEvent.StatementStarted.class).stream()
                        .filter(s -> !s.excerpt().toUpperCase().startsWith("SET ")).count());
        // no sample: the migrations count nothing to do and do nothing
        for (ProgressEvent.ScriptStarted migration : migrations(events)) {
            assertThat(migration.expectedRows()).as(migration.script()).hasValue(0);
            assertThat(batches(events, migration.script())).singleElement()
                    .satisfies(b -> assertThat(b.rowsDone()).isZero());
        }
        assertThat(of(events, PhaseChanged.class)).extracting(p -> p.from().orElse(null), PhaseChanged::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, Phase.DEPLOYING),
                        org.assertj.core.groups.Tuple.tuple(Phase.DEPLOYING, Phase.CLEAN));
        assertThat(last(events, PhaseChanged.class).state().schemaVersion().orElseThrow().toString())
                .isEqualTo(db.rows("SELECT schema_version FROM dbcreator_state").get(0));
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("CLEAN");
    }

    @Test
    void upgradeShouldReportItsBackupThenItsBackfillsWithTheRowsTheServerHad(TestDatabase db) throws SQLException {
        new Operator(CATALOG, db.admin()).deploy(OLDEST, new SampleSize(20_000, 7));
        Map<String, Long> rowsBefore = rowsPerTable(db);
        Map<String, Long> toDo = Map.of(
                BackfillHostUuid.class.getName(), db.number("SELECT COUNT(*) FROM host"),
                BackfillEventSeverity.class.getName(), db.number("SELECT COUNT(*) FROM event"),
                BackfillHostCapacity.class.getName(),
                db.number("SELECT COUNT(*) FROM host WHERE cpu_cores IS NOT NULL AND ram_mb IS NOT NULL"));
        List<ProgressEvent> events = new ArrayList<>();

        UpgradeResult result = new Operator(CATALOG, db.admin()).upgrade(events::add,
                BackupPolicy.takeFirst(BackupRequest.to(folder)));

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertInTimeOrder(events);
        assertBackupSection(events, rowsBefore);
        int firstPhase = events.indexOf(first(events, PhaseChanged.class));
        assertThat(events.indexOf(single(events, ProgressEvent.RestoreFinished.class))).as("the backup comes first")
                .isLessThan(firstPhase);

        assertThat(of(events, PhaseChanged.class)).extracting(p -> p.from().orElseThrow(), PhaseChanged::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Phase.CLEAN, Phase.EXPANDING),
                        org.assertj.core.groups.Tuple.tuple(Phase.EXPANDING, Phase.EXPANDED));
        assertThat(db.rows("SELECT phase, target_version, lowest_release, highest_release FROM dbcreator_state"))
                .containsExactly(last(events, PhaseChanged.class).state().phase() + " | " + result.to() + " | " + OLDEST
                        + " | " + result.to());

        RunPlanned plan = single(events, RunPlanned.class);
        assertThat(plan.items()).filteredOn(i -> i.kind() == ScriptKind.MIGRATION).extracting(RunPlanned.Item::name)
                .containsExactlyInAnyOrderElementsOf(toDo.keySet());
        assertStatementsStartBeforeTheyEnd(events);
        for (ProgressEvent.ScriptStarted migration : migrations(events)) {
            long expected = toDo.get(migration.script());
            assertThat(expected).as("the sample gives %s work", migration.script()).isPositive();
            assertThat(migration.expectedRows()).as(migration.script()).hasValue(expected);
            List<ProgressEvent.BatchDone> batches = batches(events, migration.script());
            long done = 0;
            for (int i = 0; i < batches.size(); i++) {
                ProgressEvent.BatchDone batch = batches.get(i);
                done += batch.rows();
                assertThat(batch.batch()).isEqualTo(i);
                assertThat(batch.rowsDone()).isEqualTo(done);
                assertThat(batch.expectedRows()).hasValue(expected);
            }
            assertThat(done).as("rows done of %s", migration.script()).isEqualTo(expected);
        }
        assertThat(db.number("SELECT COUNT(*) FROM host WHERE uuid IS NULL")).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL")).isZero();
    }

    @Test
    void aRestoreShouldPlanTheManifestsRowsAndReportTheRowsTheRestoredDatabaseHas(TestDatabase db, TestDatabase copy)
            throws SQLException {
        new Operator(CATALOG, db.admin()).deploy(OLDEST, new SampleSize(3_000, 7));
        Path dump;
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), event -> { })) {
            dump = engine.backup(BackupRequest.to(folder)).files().dump();
        }
        List<ProgressEvent> events = new ArrayList<>();

        try (DbCreator engine = DbCreator.connect(CATALOG, copy.admin(), events::add)) {
            engine.restore(dump, RestoreRequest.intoEmpty());
        }

        assertInTimeOrder(events);
        ProgressEvent.RestoreStarted started = single(events, ProgressEvent.RestoreStarted.class);
        ProgressEvent.RestoreFinished finished = single(events, ProgressEvent.RestoreFinished.class);
        assertThat(started.test()).isFalse();
        assertThat(started.file()).isEqualTo(dump);
        List<ProgressEvent> restore = events.subList(events.indexOf(started), events.indexOf(finished) + 1);
        ProgressEvent.TablesPlanned planned = single(restore, ProgressEvent.TablesPlanned.class);
        Map<String, Long> restored = rowsPerTable(copy);
        assertThat(planned.tables()).allMatch(ProgressEvent.PlannedTable::exact)
                .allSatisfy(t -> assertThat(t.expectedRows()).as(t.name()).isEqualTo(restored.get(t.name())));
        assertThat(planned.expectedRows()).isPositive().isEqualTo(finished.rows());
        assertThat(of(restore, ProgressEvent.TableProgress.class)).filteredOn(ProgressEvent.TableProgress::finished)
                .allSatisfy(t -> assertThat(t.rows()).as(t.table()).isEqualTo(restored.get(t.table())));
        assertThat(of(events, ProgressEvent.BackupStarted.class)).isEmpty();
    }

    @Test
    void aLockWaitShouldNameTheSessionThatHoldsTheLockWhileItsStatementRuns(TestDatabase db) throws Exception {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy(OLDEST, SampleSize.none());
        db.execute("INSERT INTO data_center (id, uuid, name, created) VALUES (1, UUID(), 'dc', NOW())",
                "INSERT INTO host (id, name, data_center_id, hypervisor_type, cpu_cores, ram_mb, created)"
                        + " VALUES (1, 'h1', 1, 'KVM', 8, 16384, NOW())");
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        try (Connection blocker = TestServer.get().adminConnection()) {
            blocker.setCatalog(db.name());
            blocker.setAutoCommit(false);
            String[] self;
            try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM host")) {
                rs.next(); // the open transaction now holds host's metadata lock until it ends
            }
            try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT ID, USER, HOST FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()")) {
                rs.next();
                self = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
            long heldSince = System.nanoTime();
            CompletableFuture<UpgradeResult> upgrade = CompletableFuture.supplyAsync(() -> op.upgrade(events::add));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (of(events, ProgressEvent.LockWait.class).size() < 2) {
                assertThat(System.nanoTime()).as("two lock waits: " + events).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(50); // polling for an event, not waiting out a duration
            }
            long heldSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - heldSince) + 1;
            blocker.commit();
            assertThat(upgrade.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);

            List<ProgressEvent.LockWait> waits = of(events, ProgressEvent.LockWait.class);
            ProgressEvent.LockWait firstWait = waits.get(0);
            assertThat(firstWait.attempt()).isEqualTo(2);
            assertThat(firstWait.blockersVisible()).isTrue();
            assertThat(firstWait.blockers()).anySatisfy(b -> {
                assertThat(b.sessionId()).isEqualTo(Long.parseLong(self[0]));
                assertThat(b.user()).isEqualTo(self[1]);
                assertThat(b.host()).isEqualTo(self[2]);
                assertThat(b.running()).as("idle in its open transaction").isEmpty();
                assertThat(b.transactionOpen().toSeconds()).isBetween(0L, heldSeconds);
            });
            // the waits fall between the start and the end of the statement they name
            int at = events.indexOf(firstWait);
            ProgressEvent.StatementStarted started = (ProgressEvent.StatementStarted) events.subList(0, at).stream()
                    .filter(ProgressEvent.StatementStarted.class::isInstance).reduce((a, b) -> b).orElseThrow();
            assertThat(firstWait.where()).isEqualTo(started.script() + ":" + started.line());
            ProgressEvent.StatementDone done = of(events, ProgressEvent.StatementDone.class).stream()
                    .filter(d -> d.script().equals(started.script()) && d.index() == started.index()).findFirst()
                    .orElseThrow();
            assertThat(events.indexOf(done)).isGreaterThan(events.indexOf(waits.get(waits.size() - 1)));
            assertThat(done.at()).isAfterOrEqualTo(waits.get(waits.size() - 1).at().plus(waits.get(waits.size() - 1)
                    .retryIn()));
        }
        assertStatementsStartBeforeTheyEnd(events);
    }

    /** The backup's events, between its start and its end, then its restore test's: rows as the server has them. */
    private static void assertBackupSection(List<ProgressEvent> events, Map<String, Long> rowsBefore) {
        ProgressEvent.BackupStarted started = single(events, ProgressEvent.BackupStarted.class);
        ProgressEvent.BackupFinished finished = single(events, ProgressEvent.BackupFinished.class);
        List<ProgressEvent> backup = events.subList(events.indexOf(started), events.indexOf(finished) + 1);
        ProgressEvent.TablesPlanned planned = single(backup, ProgressEvent.TablesPlanned.class);
        assertThat(planned.tables()).noneMatch(ProgressEvent.PlannedTable::exact); // the server's estimates
        Map<String, Long> backedUp = new LinkedHashMap<>();
        of(backup, ProgressEvent.TableProgress.class).stream().filter(ProgressEvent.TableProgress::finished)
                .forEach(t -> backedUp.put(t.table(), t.rows()));
        assertThat(backedUp.keySet()).containsExactlyInAnyOrderElementsOf(planned.tables().stream()
                .map(ProgressEvent.PlannedTable::name).toList());
        backedUp.forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(rowsBefore.get(table)));
        assertThat(finished.rows()).isEqualTo(backedUp.values().stream().mapToLong(Long::longValue).sum());

        ProgressEvent.RestoreStarted restore = single(events, ProgressEvent.RestoreStarted.class);
        ProgressEvent.RestoreFinished restored = single(events, ProgressEvent.RestoreFinished.class);
        assertThat(events.indexOf(restore)).isGreaterThan(events.indexOf(finished));
        assertThat(restore.test()).isTrue();
        assertThat(restore.database()).startsWith("dbcreator_verify_").isEqualTo(restored.database());
        assertThat(restore.file()).isEqualTo(finished.dump());
        List<ProgressEvent> test = events.subList(events.indexOf(restore), events.indexOf(restored) + 1);
        ProgressEvent.TablesPlanned manifest = single(test, ProgressEvent.TablesPlanned.class);
        assertThat(manifest.tables()).allMatch(ProgressEvent.PlannedTable::exact);
        backedUp.forEach((table, rows) -> assertThat(manifest.tables()).as(table)
                .contains(new ProgressEvent.PlannedTable(table, rows, true)));
        assertThat(restored.rows()).isEqualTo(finished.rows()).isEqualTo(manifest.expectedRows());
    }

    /** Every statement sent starts once and ends after it started, before the next one starts. */
    private static void assertStatementsStartBeforeTheyEnd(List<ProgressEvent> events) {
        ProgressEvent.StatementStarted open = null;
        int sent = 0;
        for (ProgressEvent event : events) {
            if (event instanceof ProgressEvent.StatementStarted started) {
                assertThat(open).as("a statement starts while another runs").isNull();
                open = started;
                sent++;
            } else if (event instanceof ProgressEvent.StatementDone done && done.skipped()) {
                assertThat(open).as("a skipped statement is not sent").isNull();
            } else if (event instanceof ProgressEvent.StatementDone done) {
                assertThat(open).as("%s:%d ended without starting", done.script(), done.line()).isNotNull();
                assertThat(done.script()).isEqualTo(open.script());
                assertThat(done.index()).isEqualTo(open.index());
                assertThat(done.line()).isEqualTo(open.line());
                assertThat(done.at()).isAfterOrEqualTo(open.at());
                open = null;
            }
        }
        assertThat(open).as("a statement never ended").isNull();
        assertThat(sent).isPositive();
    }

    private static void assertInTimeOrder(List<ProgressEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).as("event %d: %s", i, events.get(i)).isAfterOrEqualTo(events.get(i - 1).at());
        }
    }

    private static Map<String, Long> rowsPerTable(TestDatabase db) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        for (String table : db.column("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'BASE TABLE'", "TABLE_NAME")) {
            rows.put(table, db.number("SELECT COUNT(*) FROM `" + table + "`"));
        }
        return rows;
    }

    private static List<ProgressEvent.ScriptStarted> migrations(List<ProgressEvent> events) {
        List<ProgressEvent.ScriptStarted> migrations = of(events, ProgressEvent.ScriptStarted.class).stream()
                .filter(s -> s.kind().equals(ScriptKind.MIGRATION.name())).toList();
        assertThat(migrations).isNotEmpty();
        return migrations;
    }

    private static List<ProgressEvent.BatchDone> batches(List<ProgressEvent> events, String migration) {
        return of(events, ProgressEvent.BatchDone.class).stream().filter(b -> b.migration().equals(migration)).toList();
    }

    private static <T> List<T> of(List<ProgressEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> T single(List<ProgressEvent> events, Class<T> type) {
        List<T> found = of(events, type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static <T> T first(List<ProgressEvent> events, Class<T> type) {
        return of(events, type).get(0);
    }

    private static <T> T last(List<ProgressEvent> events, Class<T> type) {
        List<T> found = of(events, type);
        return found.get(found.size() - 1);
    }
}
