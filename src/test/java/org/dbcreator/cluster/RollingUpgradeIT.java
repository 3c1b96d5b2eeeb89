package org.dbcreator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.CleanupRequest;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rolling upgrade as an operator runs it, with demo nodes working all along: nodes of the oldest
 * release on a sample database, expand to the latest, the nodes restarted one at a time onto the
 * latest release, the gate opens, cleanup. No node may see an error, every write a node saw
 * acknowledged must still be there after the cleanup, in the new columns where its release wrote
 * the old ones.
 */
@ExtendWith(TestDatabaseExtension.class)
class RollingUpgradeIT {

    private static final Logger LOG = LoggerFactory.getLogger(RollingUpgradeIT.class);
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version OLDEST = CATALOG.baselineVersion();
    private static final Version LATEST = CATALOG.latestVersion();
    private static final List<String> NAMES = List.of("node-1", "node-2", "node-3");
    private static final double RATE = 20;
    private static final Duration HEARTBEAT = Duration.ofMillis(500);
    /** Units of work each node does in a step: about two seconds at {@link #RATE}, six rounds of the workload. */
    private static final long UNITS_PER_STEP = 40;
    /** A bound on waiting for that work, far above what it takes, so that only a stuck node trips it. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Map<String, Integer> SEVERITY_OF_LEVEL = Map.of("ERROR", 3, "WARN", 4, "INFO", 6, "DEBUG", 7);

    /** Where the operator stands when a node's write is acknowledged. */
    private enum Moment { CLEAN_AT_OLDEST, EXPANDING, EXPANDED, CLEANING, CLEAN_AT_LATEST }

    /** An acknowledged write, with who made it and when. */
    private record Ack(String node, Version release, Moment moment, NodeWrite write) {}

    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, DemoNode> running = new LinkedHashMap<>();
    private final List<NodeReport> ended = new ArrayList<>();
    private volatile Moment moment = Moment.CLEAN_AT_OLDEST;
    private TestDatabase db;

    @AfterEach
    void stopNodesLeftRunning() {
        running.values().forEach(DemoNode::stop);
    }

    @Test
    void nodesRestartedOneByOneShouldSeeNoErrorAndLoseNoAcknowledgedWrite(TestDatabase db) throws Exception {
        this.db = db;
        engine(e -> e.deploy(Optional.of(OLDEST), new SampleSize(10_000, SampleSize.DEFAULT_SEED)));
        for (String name : NAMES) {
            start(name, OLDEST);
        }
        awaitWork(UNITS_PER_STEP);

        moment = Moment.EXPANDING;
        UpgradeResult expand = engine(e -> e.upgrade(Optional.of(LATEST), false, BackupPolicy.skip()));
        moment = Moment.EXPANDED;
        assertThat(expand.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(status().phase()).contains(Phase.EXPANDED);
        awaitWork(UNITS_PER_STEP);

        for (String name : NAMES) {
            assertGateShutBy(running.entrySet().stream().filter(n -> n.getValue().options().release().equals(OLDEST))
                    .map(Map.Entry::getKey).toList());
            NodeReport old = running.remove(name).stop();
            ended.add(old);
            assertThat(old.ending()).isEqualTo(DemoNode.Ending.STOPPED);
            assertThat(old.stats().errors()).as("errors of %s: %s", name, old.stats().lastErrors()).isZero();
            start(name, LATEST);
            awaitWork(UNITS_PER_STEP);
        }

        GateReport gate = engine(e -> e.nodes(Optional.empty())).orElseThrow();
        assertThat(gate.isOpen()).as("gate with every node on %s: %s", LATEST, gate).isTrue();
        assertThat(gate.live()).isEqualTo(NAMES.size());

        moment = Moment.CLEANING;
        UpgradeResult cleanup = engine(e -> e.cleanup(new CleanupRequest(false, false, Set.of(), false, Optional.empty())));
        moment = Moment.CLEAN_AT_LATEST;
        assertThat(cleanup.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(status().phase()).contains(Phase.CLEAN);
        awaitWork(UNITS_PER_STEP);

        for (String name : NAMES) {
            ended.add(running.remove(name).stop());
        }
        LOG.info("expand took {}, cleanup {}; acknowledged writes by release and moment: {}", expand.duration(),
                cleanup.duration(), acks(a -> true).stream().collect(Collectors.groupingBy(a -> a.release() + " " + a.moment(),
                        TreeMap::new, Collectors.counting())));
        ended.forEach(r -> LOG.info("{} at {}: {} ({} units, {} writes, {} errors, p99 {} ms)", r.name(), r.release(),
                r.ending(), r.stats().transactions(), r.stats().acknowledgedWrites(), r.stats().errors(), r.stats().p99Millis()));
        assertThat(ended).as("node incarnations").hasSize(2 * NAMES.size())
                .allSatisfy(r -> assertThat(r.ending()).as("ending of %s at %s", r.name(), r.release())
                        .isEqualTo(DemoNode.Ending.STOPPED))
                .allSatisfy(r -> assertThat(r.stats().errors()).as("errors of %s at %s: %s %s", r.name(), r.release(),
                        r.stats().errorsByKind(), r.stats().lastErrors()).isZero());
        assertThat(ended.stream().mapToLong(r -> r.stats().acknowledgedWrites()).sum())
                .as("writes the nodes counted against those reported").isEqualTo(acks.size());

        assertOldWritesMadeWhileExpandedAreCovered();
        assertThat(eventMismatches()).as("acknowledged events").isEmpty();
        assertThat(usageMismatches()).as("acknowledged usage records").isEmpty();
        assertThat(hostMismatches()).as("acknowledged hosts and capacities").isEmpty();
        assertThat(accountMismatches()).as("acknowledged accounts").isEmpty();
    }

    @Test
    void nodeOfTheOldReleaseShouldBeRefusedAfterTheCleanupAndWriteNothing(TestDatabase db) throws Exception {
        this.db = db;
        engine(e -> e.deploy(Optional.of(OLDEST), SampleSize.none()));
        engine(e -> e.upgrade(Optional.of(LATEST), false, BackupPolicy.skip()));
        engine(e -> e.cleanup(new CleanupRequest(false, false, Set.of(), false, Optional.empty())));
        start("node-1", LATEST);
        awaitWork(6);
        assertThat(running.remove("node-1").stop().stats().errors()).isZero();
        List<String> registry = db.rows("SELECT * FROM mshost ORDER BY id");
        Map<String, Long> rows = rowCounts();
        int acknowledged = acks.size();

        // An operator starts node-1 again, but from the old release's installation.
        assertThatThrownBy(() -> start("node-1", OLDEST))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NODE_NOT_ALLOWED))
                .hasMessageContaining("only releases " + LATEST + " to " + LATEST);

        assertThat(registry).singleElement().satisfies(node -> assertThat(node).contains("node-1 | " + LATEST + " | Down"));
        assertThat(db.rows("SELECT * FROM mshost ORDER BY id")).isEqualTo(registry);
        assertThat(rowCounts()).isEqualTo(rows);
        assertThat(acks).hasSize(acknowledged);
        assertThat(running).isEmpty();
    }

    private void start(String name, Version release) {
        DemoNode node = DbCreator.startNode(CATALOG, db.admin(), new DemoNode.Options(name, release, RATE, HEARTBEAT),
                write -> acks.add(new Ack(name, release, moment, write)));
        running.put(name, node);
    }

    /** Waits until every running node has done {@code units} more units of work, failing as soon as one errs or ends. */
    private void awaitWork(long units) throws InterruptedException {
        Map<String, Long> from = new LinkedHashMap<>();
        running.forEach((name, node) -> from.put(name, node.stats().transactions()));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (running.entrySet().stream().anyMatch(n -> n.getValue().stats().transactions() - from.get(n.getKey()) < units)) {
            assertWorking();
            assertThat(System.nanoTime()).as("%d units of work from every node within %s", units, PATIENCE)
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // polling for the work done, not waiting out a duration
        }
        assertWorking();
    }

    private void assertWorking() {
        running.forEach((name, node) -> {
            NodeStats stats = node.stats();
            assertThat(node.ending()).as("%s at %s ended: %s", name, node.options().release(), node.endReason())
                    .isEqualTo(DemoNode.Ending.RUNNING);
            assertThat(stats.errors()).as("errors of %s at %s (%s): %s %s", name, node.options().release(), moment,
                    stats.errorsByKind(), stats.lastErrors()).isZero();
        });
    }

    /** The old nodes named keep the gate shut: the registry names them, and a cleanup is refused, changing nothing. */
    private void assertGateShutBy(List<String> oldNodes) throws SQLException {
        GateReport gate = engine(e -> e.nodes(Optional.empty())).orElseThrow();
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.blockers()).extracting(NodeStatus::name).containsExactlyInAnyOrderElementsOf(oldNodes);
        assertThat(gate.live()).isEqualTo(NAMES.size());
        assertThatThrownBy(() -> engine(e -> e.cleanup(new CleanupRequest(false, false, Set.of(), false, Optional.empty()))))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NODES_NOT_READY))
                .hasMessageContaining(oldNodes.get(0) + " runs " + OLDEST);
        assertThat(status().phase()).contains(Phase.EXPANDED);
    }

    /** The writes this test is about happened: old nodes wrote each kind of row while the database was expanded. */
    private void assertOldWritesMadeWhileExpandedAreCovered() {
        List<Ack> oldWhileExpanded = acks(a -> a.release().equals(OLDEST) && a.moment() == Moment.EXPANDED);
        assertThat(oldWhileExpanded).extracting(a -> a.write().table() + (a.write().insert() ? " insert" : " update"))
                .contains("event insert", "host insert", "host update", "account insert", "usage_event insert");
        assertThat(acks(a -> a.release().equals(LATEST) && a.moment() == Moment.EXPANDED)).isNotEmpty();
        assertThat(acks(a -> a.release().equals(LATEST) && a.moment() == Moment.CLEAN_AT_LATEST)).isNotEmpty();
    }

    /** Each event is there with its account, and the severity its level stands for when its node wrote only a level. */
    private List<String> eventMismatches() throws SQLException {
        Map<Long, Map<String, Object>> written = inserts("event");
        Map<Long, List<String>> rows = rowsById("SELECT id, account_id, severity FROM event WHERE id IN (%s)", written.keySet());
        List<String> mismatches = new ArrayList<>();
        written.forEach((id, values) -> {
            Object severity = values.containsKey("severity") ? values.get("severity")
                    : SEVERITY_OF_LEVEL.get((String) values.get("level"));
            expect(mismatches, "event " + id, rows.get(id), List.of(values.get("account_id"), severity));
        });
        return mismatches;
    }

    private List<String> usageMismatches() throws SQLException {
        Map<Long, Map<String, Object>> written = inserts("usage_event");
        Map<Long, List<String>> rows = rowsById("SELECT id, type, account_id, zone_id, size FROM usage_event WHERE id IN (%s)",
                written.keySet());
        List<String> mismatches = new ArrayList<>();
        written.forEach((id, v) -> expect(mismatches, "usage_event " + id, rows.get(id),
                List.of(v.get("type"), v.get("account_id"), v.get("zone_id"), v.get("size"))));
        return mismatches;
    }

    /**
     * Each host is there as written, with a uuid (the one its node wrote, if it wrote one), and
     * host_capacity holds the capacity of the last acknowledged write to it, whichever columns the
     * node's release wrote it to.
     */
    private List<String> hostMismatches() throws SQLException {
        Map<Long, Map<String, Object>> written = inserts("host");
        Map<Long, Object> lastCapacity = new TreeMap<>();
        synchronized (acks) {
            acks.stream().map(Ack::write).filter(w -> w.table().equals("host"))
                    .forEach(w -> lastCapacity.put(w.id(), w.values().get("capacity")));
        }
        assertThat(written.keySet()).as("hosts whose capacity changed were inserted by a node").containsAll(lastCapacity.keySet());
        Map<Long, List<String>> rows = rowsById("SELECT h.id, h.name, h.data_center_id, h.hypervisor_type, h.mgmt_server_id,"
                + " h.uuid IS NOT NULL, c.cpu_cores, c.ram_mb, h.uuid FROM host h LEFT JOIN host_capacity c ON c.host_id = h.id"
                + " WHERE h.id IN (%s)", written.keySet());
        List<String> mismatches = new ArrayList<>();
        written.forEach((id, v) -> {
            List<?> capacity = (List<?>) lastCapacity.get(id);
            List<Object> expected = new ArrayList<>(List.of(v.get("name"), v.get("data_center_id"), v.get("hypervisor_type"),
                    v.get("mgmt_server_id"), 1, capacity.get(0), capacity.get(1)));
            List<String> row = rows.get(id);
            if (v.containsKey("uuid")) {
                expected.add(v.get("uuid"));
            } else if (row != null) {
                row = row.subList(0, row.size() - 1); // any uuid will do, as long as there is one
            }
            expect(mismatches, "host " + id, row, expected);
        });
        return mismatches;
    }

    /** Each account is there, in the root domain: the old nodes' ones joined it at the cleanup. */
    private List<String> accountMismatches() throws SQLException {
        Map<Long, Map<String, Object>> written = inserts("account");
        Map<Long, List<String>> rows = rowsById("SELECT id, domain_id FROM account WHERE id IN (%s)", written.keySet());
        List<String> mismatches = new ArrayList<>();
        written.keySet().forEach(id -> expect(mismatches, "account " + id, rows.get(id), List.of(1)));
        return mismatches;
    }

    private static void expect(List<String> mismatches, String what, List<String> actual, List<?> expected) {
        List<String> wanted = expected.stream().map(String::valueOf).toList();
        if (!wanted.equals(actual)) {
            mismatches.add(what + " reads " + actual + " instead of " + wanted);
        }
    }

    private List<Ack> acks(Predicate<Ack> filter) {
        synchronized (acks) {
            return acks.stream().filter(filter).toList();
        }
    }

    /** The values of every acknowledged insert into {@code table}, by id. */
    private Map<Long, Map<String, Object>> inserts(String table) {
        Map<Long, Map<String, Object>> inserted = new TreeMap<>();
        acks(a -> a.write().table().equals(table) && a.write().insert())
                .forEach(a -> assertThat(inserted.put(a.write().id(), a.write().values())).as("%s %d inserted twice",
                        table, a.write().id()).isNull());
        assertThat(inserted).as("acknowledged inserts into %s", table).isNotEmpty();
        return inserted;
    }

    /** The rows of {@code select} (with %s for the ids) by their first column, the other columns as text. */
    private Map<Long, List<String>> rowsById(String select, Collection<Long> ids) throws SQLException {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Map<Long, List<String>> rows = new TreeMap<>();
        for (String row : db.rows(select.formatted(in))) {
            List<String> columns = List.of(row.split(" \\| ", -1));
            rows.put(Long.parseLong(columns.get(0)), columns.subList(1, columns.size()));
        }
        return rows;
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("mshost", "event", "usage_event", "host", "host_capacity", "account", "data_center")) {
            counts.put(table, db.number("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    private StatusReport status() {
        return engine(e -> e.status(Optional.empty()));
    }

    private <T> T engine(Function<DbCreator, T> call) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return call.apply(engine);
        }
    }
}
