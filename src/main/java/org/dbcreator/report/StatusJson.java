package org.dbcreator.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.AppliedScript;

/**
 * The status and node-gate facts in the JSON keys the README's "JSON output" documents, shared by
 * {@code status --json}, {@code nodes --json} and the support report. How an action is written is
 * the caller's: the command line adds the command to run, the report only the action and its arguments.
 */
public final class StatusJson {

    private StatusJson() {}

    public static Map<String, Object> status(StatusReport r, Function<NextAction, Map<String, Object>> action) {
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
            s.put("rollbackAvailable", step.rollbackAvailable());
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
        m.put("history", r.history().stream().map(a -> applied(a, r.stepDescription(a.script()))).toList());
        m.put("findings", r.findings().stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("finding", Actions.kind(f));
            finding.put("message", f.text());
            return finding;
        }).toList());
        m.put("checks", r.checks().map(c -> checks(c, action)).orElse(null));
        m.put("nextAction", action.apply(r.nextAction()));
        return m;
    }

    public static Map<String, Object> checks(PreflightReport report, Function<NextAction, Map<String, Object>> action) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", report.operation().word());
        m.put("allowsStart", report.allowsStart());
        m.put("checks", report.checks().stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", c.id().name());
            check.put("title", c.id().title());
            check.put("verdict", c.verdict().name());
            check.put("evidence", c.evidence());
            check.put("fix", c.fix().stream().map(action).toList());
            check.put("errorCode", c.failure().map(Enum::name).orElse(null));
            return check;
        }).toList());
        return m;
    }

    /** JSON escapes by itself: the values are given as the registry holds them. */
    public static Map<String, Object> nodes(GateReport gate) {
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

    /** @param description a Java step's own words (null for a SQL script) */
    private static Map<String, Object> applied(AppliedScript a, Optional<String> description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", a.runId());
        m.put("operation", a.operation());
        m.put("version", a.version().toString());
        m.put("kind", a.kind().name());
        m.put("script", a.script());
        m.put("description", description.orElse(null));
        m.put("checksum", a.checksum());
        m.put("statements", a.statements());
        m.put("installedBy", a.installedBy());
        m.put("startedAt", a.startedAt().toString());
        m.put("finishedAt", a.finishedAt().toString());
        return m;
    }

    private static String text(Optional<Version> version) {
        return version.map(Version::toString).orElse(null);
    }
}
