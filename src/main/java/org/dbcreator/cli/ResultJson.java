package org.dbcreator.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dbcreator.backup.BackupManifest;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.RestoreResult;
import org.dbcreator.backup.VerifyResult;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.DroppedData;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PlanPreview;
import org.dbcreator.engine.TakenBackup;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.history.AuditEntry;

/**
 * The results of the verbs that change something, as {@code --json} prints them, in the one key
 * vocabulary every verb shares (README, "JSON output"): {@code operation}, {@code database},
 * {@code outcome}, {@code from}, {@code to}, {@code applied}, {@code skipped}, {@code durationSeconds},
 * {@code file}, {@code tables}, {@code rows}, {@code statements}, {@code notes}...
 */
final class ResultJson {

    private ResultJson() {}

    static Map<String, Object> deploy(DeployResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "deploy");
        m.put("database", r.database());
        m.put("outcome", r.outcome().name());
        m.put("to", r.version().toString());
        m.put("applied", r.applied());
        m.put("skipped", r.skipped());
        m.put("durationSeconds", seconds(r.duration()));
        return m;
    }

    /** An upgrade or cleanup; a dry run adds the plan. */
    static Map<String, Object> upgrade(UpgradeResult r, NextSteps steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", r.operation().word());
        m.put("database", r.database());
        m.put("outcome", r.outcome().name());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("applied", r.applied());
        m.put("skipped", r.skipped());
        m.put("durationSeconds", seconds(r.duration()));
        m.put("checks", StatusRendering.json(r.checks(), steps.forDatabase(r.database())));
        r.preview().ifPresent(preview -> m.put("plan", preview.items().stream().map(ResultJson::item).toList()));
        if (r.operation() == OperationKind.ROLLBACK) {
            m.put("droppedData", r.droppedData().stream().map(ResultJson::dropped).toList());
            m.put("lossAccepted", r.lossAccepted().map(ResultJson::acceptance).orElse(null));
        }
        return m;
    }

    /** Who accepted the loss of the data a resumed rollback drops, and when: the audit's record of it. */
    private static Map<String, Object> acceptance(AuditEntry a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", a.operator());
        m.put("at", a.at().toString());
        return m;
    }

    private static Map<String, Object> dropped(DroppedData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", d.step().toString());
        m.put("table", d.table());
        m.put("column", d.column().orElse(null));
        m.put("rows", d.rows().isPresent() ? d.rows().getAsLong() : null);
        m.put("declared", d.declared().map(org.dbcreator.catalog.RollbackData::word).orElse(null));
        m.put("lost", d.losesRows());
        return m;
    }

    private static Map<String, Object> item(PlanPreview.Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("script", item.name());
        m.put("kind", item.kind());
        m.put("version", item.version());
        m.put("location", item.location());
        m.put("applied", item.applied());
        m.put("statements", item.statements().stream().map(s -> {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("line", s.line());
            statement.put("sql", s.sql());
            statement.put("done", s.done());
            return statement;
        }).toList());
        return m;
    }

    static Map<String, Object> backup(TakenBackup taken) {
        BackupResult r = taken.backup();
        BackupManifest manifest = r.manifest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "backup");
        m.put("database", manifest.database());
        m.put("file", r.files().dump().toString());
        m.put("manifestFile", r.files().manifest().toString());
        m.put("bytes", manifest.file().bytes());
        m.put("sha256", manifest.file().sha256());
        m.put("tables", manifest.tables().size());
        m.put("rows", manifest.rows());
        m.put("consistency", manifest.consistency());
        m.put("durationSeconds", seconds(r.duration()));
        m.put("restoreTest", taken.restoreTest().flatMap(VerifyResult::restoreTest).map(ResultJson::restoreTest)
                .orElse(null));
        m.put("provedRestorable", taken.provedRestorable());
        m.put("recorded", r.recorded());
        m.put("notes", r.warnings());
        return m;
    }

    static Map<String, Object> verify(VerifyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "verify");
        m.put("file", r.file().toString());
        m.put("stockDump", r.stockDump());
        m.put("statements", r.statements());
        m.put("tables", r.rows().size());
        m.put("rows", r.totalRows());
        m.put("sha256", r.manifest().map(manifest -> manifest.file().sha256()).orElse(null));
        m.put("restoreTest", r.restoreTest().map(ResultJson::restoreTest).orElse(null));
        m.put("recorded", r.recordedRestoreTest());
        m.put("notes", r.notes());
        return m;
    }

    static Map<String, Object> restore(RestoreResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "restore");
        m.put("database", r.database());
        m.put("file", r.file().toString());
        m.put("stockDump", r.stockDump());
        m.put("statements", r.statements());
        m.put("tables", r.tables());
        m.put("rows", r.rows());
        m.put("checksumsCompared", r.checksumsCompared());
        m.put("durationSeconds", seconds(r.duration()));
        m.put("notes", r.notes());
        return m;
    }

    private static Map<String, Object> restoreTest(RestoreResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tables", t.tables());
        m.put("rows", t.rows());
        m.put("checksumsCompared", t.checksumsCompared());
        m.put("durationSeconds", seconds(t.duration()));
        return m;
    }

    static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
