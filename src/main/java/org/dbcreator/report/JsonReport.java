package org.dbcreator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JournalEntry;

/**
 * The support report as one JSON document, in the keys {@code status --json} and
 * {@code nodes --json} use (README, "JSON output"): the status keys at the top level, the node
 * gate under {@code nodes}; then {@code toolVersion}, {@code generatedAt}, {@code connection},
 * {@code lastRun}, {@code lock}, {@code backups} and {@code gaps}.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(SupportReport r) {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps, lists and plain values always serialise", e);
        }
    }

    static Map<String, Object> tree(SupportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("toolVersion", r.toolVersion());
        m.put("generatedAt", r.generatedAt().toString());
        m.put("connection", r.connection());
        r.status().ifPresent(s -> m.putAll(status(s)));
        m.put("nodes", r.nodes().map(JsonReport::nodes).orElse(null));
        Map<String, Object> lastRun = new LinkedHashMap<>();
        lastRun.put("runId", r.lastRunJournal().isEmpty() ? null : r.lastRunJournal().get(0).runId());
        lastRun.put("journal", r.lastRunJournal().stream().map(JsonReport::journal).toList());
        m.put("lastRun", lastRun);
        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("held", r.lockHolder().isPresent());
        lock.put("holder", r.lockHolder().orElse(null));
        m.put("lock", lock);
        m.put("backups", r.recentBackups().stream().map(JsonReport::backup).toList());
        m.put("gaps", r.gaps().stream().map(g -> {
            Map<String, Object> gap = new LinkedHashMap<>();
            gap.put("fact", g.fact());
            gap.put("reason", g.reason());
            return gap;
        }).toList());
        return m;
    }

    private static Map<String, Object> status(StatusReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", r.server());
        m.put("serverVersion", r.serverVersion());
        m.put("database", r.database());
        m.put("product", r.product());
        m.put("condition", r.condition().name());
        m.put("schemaVersion", text(r.schemaVersion()));
        m.put("phase", r.phase().map(Enum::name).orElse(null));
        m.put("phaseTarget", text(r.phaseTarget()));
        m.put("target", r.targetVersion().toString());
        m.put("catalogVersions", r.catalogVersions().stream().map(Version::toString).toList());
        m.put("plannedSteps", r.plannedSteps().stream().map(step -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("from", text(step.from()));
            s.put("to", step.to().toString());
            return s;
        }).toList());
        m.put("lowestRelease", text(r.lowestRelease()));
        m.put("highestRelease", text(r.highestRelease()));
        m.put("interrupted", r.interrupted().map(at -> {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("script", at.script());
            i.put("line", at.line());
            i.put("statement", at.statement());
            i.put("refused", at.refused());
            i.put("serverError", at.serverError().orElse(null));
            return i;
        }).orElse(null));
        m.put("history", r.history().stream().map(JsonReport::applied).toList());
        m.put("findings", r.findings().stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("finding", Actions.kind(f));
            finding.put("message", f.text());
            return finding;
        }).toList());
        m.put("checks", r.checks().map(JsonReport::checks).orElse(null));
        m.put("nextAction", Actions.json(r.nextAction()));
        return m;
    }

    private static Map<String, Object> checks(PreflightReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", report.operation().word());
        m.put("allowsStart", report.allowsStart());
        m.put("checks", report.checks().stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", c.id().name());
            check.put("title", c.id().title());
            check.put("verdict", c.verdict().name());
            check.put("evidence", c.evidence());
            check.put("fix", c.fix().stream().map(Actions::json).toList());
            check.put("errorCode", c.failure().map(Enum::name).orElse(null));
            return check;
        }).toList());
        return m;
    }

    private static Map<String, Object> applied(AppliedScript a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", a.runId());
        m.put("operation", a.operation());
        m.put("version", a.version().toString());
        m.put("kind", a.kind().name());
        m.put("script", a.script());
        m.put("checksum", a.checksum());
        m.put("statements", a.statements());
        m.put("installedBy", a.installedBy());
        m.put("startedAt", a.startedAt().toString());
        m.put("finishedAt", a.finishedAt().toString());
        return m;
    }

    private static Map<String, Object> nodes(GateReport gate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", gate.target().toString());
        m.put("gateOpen", gate.isOpen());
        m.put("gate", gate.verdict().name());
        m.put("nodes", gate.nodes().stream().map(node -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", node.name());
            n.put("release", node.release());
            n.put("state", node.state());
            n.put("heartbeatAgeSeconds", node.heartbeatAge().toMillis() / 1000.0);
            n.put("liveness", node.liveness().name());
            n.put("verdict", node.verdict().name());
            n.put("reason", node.reason());
            n.put("blocksCleanup", node.blocksCleanup());
            n.put("blocker", node.blocker().orElse(null));
            return n;
        }).toList());
        return m;
    }

    private static Map<String, Object> journal(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("script", e.script());
        m.put("statement", e.index() + 1);
        m.put("line", e.line());
        m.put("outcome", e.outcome().name());
        m.put("connectionId", e.connectionId());
        m.put("error", e.error().orElse(null));
        return m;
    }

    private static Map<String, Object> backup(BackupRecord b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.kind().name());
        m.put("schemaVersion", text(b.schemaVersion()));
        m.put("file", b.file().orElse(null));
        m.put("verification", b.verification().orElse(null));
        m.put("recordedBy", b.recordedBy());
        m.put("ageSeconds", b.age().toSeconds());
        return m;
    }

    static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(null);
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
