package org.dbcreator.ui.done;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.Phase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.status.StatusViewModel;

/**
 * What the Done page shows, built from a status read of the server just now (never from what the
 * window remembers): the release the schema is at, its phase in a sentence, how long each phase of
 * the last runs took (from the history table), the newest backup file, and the nodes. It serves
 * every journey that ends on Done: a deploy, an upgrade after its cleanup.
 *
 * @param release the release the schema is fully at; empty when it is not managed or not deployed
 * @param phase the life-cycle phase; empty when not managed
 * @param sentence the phase in one sentence, as the Status page says it
 * @param phases the newest run of each operation (deploy, upgrade, cleanup) in the order they ran
 * @param backupFile the newest verified backup's file, if the database keeps one
 * @param nodes the product's nodes, when the schema has a registry
 */
public record DoneSummary(String database, Optional<Version> release, Optional<Phase> phase, String sentence,
        List<PhaseRun> phases, Optional<String> backupFile, List<NodeStatus> nodes) {

    public DoneSummary {
        phases = List.copyOf(phases);
        nodes = List.copyOf(nodes);
    }

    /**
     * One run of one operation, from its history rows.
     *
     * @param operation as the history records it: "deploy", "upgrade", "cleanup"...
     * @param from the release it started from: for an expand or cleanup, the one before its lowest
     *     step (the scripts of step 4.0.0 → 4.1.0 carry 4.1.0); for a deploy, its lowest release
     * @param to the highest release among its scripts
     * @param scripts how many scripts (and migrations) it applied
     * @param duration from its first script's start to its last script's end
     */
    public record PhaseRun(String operation, Version from, Version to, int scripts, Duration duration) {}

    /** The summary of {@code status}, with the newest backup of {@code backups} (newest first). */
    public static DoneSummary of(DatabaseStatus status, List<BackupRecord> backups) {
        StatusReport r = status.report();
        Optional<String> backup = backups.stream().filter(b -> b.kind() == BackupRecord.Kind.BACKUP)
                .flatMap(b -> b.file().stream()).findFirst();
        return new DoneSummary(r.database(), r.schemaVersion(), r.phase(), StatusViewModel.sentence(r),
                phases(r.history(), r.catalogVersions()), backup, status.nodes().map(GateReport::nodes).orElse(List.of()));
    }

    /** The newest run of each operation, in the order the runs happened. */
    static List<PhaseRun> phases(List<AppliedScript> history) {
        return phases(history, List.of());
    }

    /** As {@link #phases(List)}, with the catalog's releases (oldest first) to tell where each step started. */
    static List<PhaseRun> phases(List<AppliedScript> history, List<Version> catalogVersions) {
        Map<String, List<AppliedScript>> runs = new LinkedHashMap<>();
        for (AppliedScript applied : history) {
            runs.computeIfAbsent(applied.runId(), id -> new ArrayList<>()).add(applied);
        }
        Map<String, PhaseRun> newest = new LinkedHashMap<>();
        for (List<AppliedScript> run : runs.values()) {
            String operation = run.get(0).operation();
            newest.remove(operation); // a later run of the same operation goes to the end, in its place in time
            newest.put(operation, run(operation, run, catalogVersions));
        }
        return List.copyOf(newest.values());
    }

    private static PhaseRun run(String operation, List<AppliedScript> run, List<Version> catalogVersions) {
        Version from = run.get(0).version();
        Version to = from;
        Instant start = run.get(0).startedAt();
        Instant end = run.get(0).finishedAt();
        for (AppliedScript a : run) {
            from = a.version().isOlderThan(from) ? a.version() : from;
            to = a.version().isNewerThan(to) ? a.version() : to;
            start = a.startedAt().isBefore(start) ? a.startedAt() : start;
            end = a.finishedAt().isAfter(end) ? a.finishedAt() : end;
        }
        boolean steps = run.stream().allMatch(a -> a.kind() == ScriptKind.EXPAND || a.kind() == ScriptKind.MIGRATION
                || a.kind() == ScriptKind.CLEANUP);
        int lowest = catalogVersions.indexOf(from);
        if (steps && lowest > 0) {
            from = catalogVersions.get(lowest - 1);
        }
        return new PhaseRun(operation, from, to, run.size(), Duration.between(start, end));
    }
}
