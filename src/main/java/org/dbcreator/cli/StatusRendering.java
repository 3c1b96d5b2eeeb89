package org.dbcreator.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.AppliedScript;

/** The status report as people read it, and as scripts read it ({@code --json}). */
final class StatusRendering {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusRendering() {}

    static String text(StatusReport r) {
        return text(r, ZoneId.systemDefault());
    }

    static String text(StatusReport r, ZoneId zone) {
        return text(r, zone, step -> step);
    }

    /** @param nextSteps makes a suggested command runnable as printed (see {@link NextSteps}) */
    static String text(StatusReport r, ZoneId zone, UnaryOperator<String> nextSteps) {
        StringBuilder out = new StringBuilder();
        line(out, "Server", r.server() + " (" + r.serverVersion() + ")");
        line(out, "Database", r.database() + " (product " + r.product() + ")");
        line(out, "State", r.condition() + r.phase().map(p -> ", " + p).orElse("")
                + r.schemaVersion().map(v -> " at " + v).orElse("")
                + r.phaseTarget().map(t -> r.schemaVersion().isPresent() ? " -> " + t : " of " + t).orElse(""));
        line(out, "Target", r.targetVersion() + " (catalog has " + join(r.catalogVersions()) + ")");
        line(out, "Plan", r.plannedSteps().isEmpty() ? "no steps" : String.join(", ", r.plannedSteps()));
        line(out, "Node releases", r.lowestRelease().map(low -> low + " to " + r.highestRelease().map(Version::toString)
                .orElse("?")).orElse("none yet"));
        r.interruptedAt().ifPresent(at -> line(out, "Interrupted", at));
        line(out, "History", r.history().isEmpty() ? "nothing applied"
                : r.history().size() + (r.history().size() == 1 ? " script" : " scripts") + " applied");
        for (AppliedScript a : r.history()) {
            out.append(String.format("  %s  %-7s %-8s %-9s %-42s %5d  %6.1f s  %s%n", WHEN.withZone(zone).format(a.finishedAt()),
                    Printable.line(a.operation()), a.version(), a.kind().name().toLowerCase(), Printable.line(a.script()),
                    a.statements(), a.executionMillis() / 1000.0, Printable.line(a.installedBy())));
        }
        line(out, "Findings", r.findings().isEmpty() ? "none" : r.findings().size() + "");
        r.findings().forEach(f -> out.append("  ! ").append(Printable.line(f)).append('\n'));
        r.checks().ifPresent(checks -> {
            line(out, "Checks", "before the " + checks.operation());
            checks.checks().forEach(c -> out.append(nextSteps.apply(checkLine(c))));
        });
        line(out, "Next", nextSteps.apply(r.nextAction()));
        return out.toString();
    }

    static String json(StatusReport r) {
        return json(r, Optional.empty());
    }

    /** @param nodes the node registry, as {@code dbcreator nodes} shows it, when the product has one */
    static String json(StatusReport r, Optional<GateReport> nodes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", r.server());
        m.put("serverVersion", r.serverVersion());
        m.put("database", r.database());
        m.put("product", r.product());
        m.put("condition", r.condition().name());
        m.put("schemaVersion", text(r.schemaVersion()));
        m.put("phase", r.phase().map(Enum::name).orElse(null));
        m.put("phaseTarget", text(r.phaseTarget()));
        m.put("targetVersion", r.targetVersion().toString());
        m.put("catalogVersions", r.catalogVersions().stream().map(Version::toString).toList());
        m.put("plannedSteps", r.plannedSteps());
        m.put("lowestRelease", text(r.lowestRelease()));
        m.put("highestRelease", text(r.highestRelease()));
        m.put("interruptedAt", r.interruptedAt().orElse(null));
        m.put("history", r.history().stream().map(StatusRendering::json).toList());
        m.put("findings", r.findings());
        m.put("checks", r.checks().map(StatusRendering::json).orElse(null));
        m.put("nextAction", r.nextAction());
        nodes.ifPresent(gate -> m.put("nodes", NodesRendering.json(gate)));
        return JsonOutput.of(m);
    }

    static Map<String, Object> json(PreflightReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", report.operation());
        m.put("allowsStart", report.allowsStart());
        m.put("checks", report.checks().stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", c.name());
            check.put("level", c.level().name());
            check.put("reason", c.reason());
            check.put("fix", c.fix());
            return check;
        }).toList());
        return m;
    }

    private static Map<String, Object> json(AppliedScript a) {
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

    /** One pre-flight check: its light, name and reason, and the fix on a second line unless green. */
    static String checkLine(PreflightCheck check) {
        String light = switch (check.level()) {
            case GREEN -> "  ok   ";
            case AMBER -> "  warn ";
            case RED -> "  FAIL ";
        };
        String line = String.format("%s%-18s %s%n", light, check.name(), Printable.line(check.reason()));
        return check.fix().isBlank() ? line : line + String.format("%26s%s%n", "", "-> " + Printable.line(check.fix()));
    }

    /** Every value may quote the database (server version, state, where a run stopped): escaped. */
    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-14s%s%n", label, Printable.line(value)));
    }

    private static String join(List<Version> versions) {
        StringJoiner joiner = new StringJoiner(", ");
        versions.forEach(v -> joiner.add(v.toString()));
        return joiner.toString();
    }

    private static String text(Optional<Version> version) {
        return version.map(Version::toString).orElse(null);
    }
}
