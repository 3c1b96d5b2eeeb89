package org.dbcreator.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.InterruptedStatement;
import org.dbcreator.engine.PlannedStep;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.report.StatusJson;

/** The status report as people read it, and as scripts read it ({@code --json}). */
final class StatusRendering {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Where a history line's script column starts: after the time, operation, version and kind. */
    private static final int HISTORY_SCRIPT_COLUMN = 2 + 19 + 2 + 8 + 9 + 10;

    private StatusRendering() {}

    static String text(StatusReport r, ZoneId zone) {
        return text(r, zone, NextSteps.none());
    }

    /** @param steps writes the commands of the next action and the checks' fixes (see {@link NextSteps}) */
    static String text(StatusReport r, ZoneId zone, NextSteps steps) {
        NextSteps here = steps.forDatabase(r.database());
        StringBuilder out = new StringBuilder();
        line(out, "Server", r.server() + " (" + r.serverVersion() + ")");
        line(out, "Database", r.database() + " (product " + r.product() + ")");
        line(out, "State", r.condition() + r.phase().map(p -> ", " + p).orElse("")
                + r.schemaVersion().map(v -> " at " + v).orElse("")
                + r.phaseTarget().map(t -> r.schemaVersion().isPresent() ? " -> " + t : " of " + t).orElse(""));
        line(out, "Target", r.targetVersion() + " (catalog has " + join(r.catalogVersions()) + ")");
        line(out, "Plan", r.plannedSteps().isEmpty() ? "no steps"
                : r.plannedSteps().stream().map(StatusRendering::step).collect(Collectors.joining(", ")));
        if (!r.plannedSteps().isEmpty() && r.plannedSteps().stream().noneMatch(PlannedStep::isBaseline)) {
            line(out, "Way back", r.plannedSteps().stream().map(s -> step(s) + (s.rollbackAvailable()
                    ? " by its rollback script" : " only by restoring a backup (no rollback script)"))
                    .collect(Collectors.joining(", ")));
        }
        line(out, "Node releases", r.lowestRelease().map(low -> low + " to " + r.highestRelease().map(Version::toString)
                .orElse("?")).orElse("none yet"));
        r.interrupted().ifPresent(at -> line(out, "Interrupted", interrupted(at)
                + r.stepDescription(at.script()).map(d -> "; the step: " + d).orElse("")));
        line(out, "History", r.history().isEmpty() ? "nothing applied"
                : r.history().size() + (r.history().size() == 1 ? " script" : " scripts") + " applied");
        for (AppliedScript a : r.history()) {
            out.append(String.format("  %s  %-7s %-8s %-9s %-42s %5d  %6.1f s  %s%n", WHEN.withZone(zone).format(a.finishedAt()),
                    Printable.line(a.operation()), a.version(), a.kind().name().toLowerCase(), Printable.line(a.script()),
                    a.statements(), a.executionMillis() / 1000.0, Printable.line(a.installedBy())));
            r.stepDescription(a.script()).ifPresent(d -> out.append(" ".repeat(HISTORY_SCRIPT_COLUMN)).append('(')
                    .append(Printable.line(d)).append(")\n")); // a Java step's own words, under its class name
        }
        line(out, "Findings", r.findings().isEmpty() ? "none" : r.findings().size() + "");
        r.findings().forEach(f -> out.append("  ! ").append(Printable.line(f.text())).append('\n'));
        r.checks().ifPresent(checks -> {
            line(out, "Checks", "before the " + checks.operation().word());
            checks.checks().forEach(c -> out.append(checkLine(c, here)));
        });
        String next = ActionRendering.text(r.nextAction(), here);
        boolean refused = r.checks().map(c -> !c.allowsStart()).orElse(false);
        line(out, "Next", refused ? "First fix what the checks marked FAIL say. Then: "
                + Character.toLowerCase(next.charAt(0)) + next.substring(1) : next);
        return out.toString();
    }

    /** e.g. "baseline 4.0.0", "4.0.0 -> 4.1.0". */
    static String step(PlannedStep step) {
        return step.from().map(from -> from + " -> " + step.to()).orElse("baseline " + step.to());
    }

    /** e.g. "4.1.0/expand.sql:7 (statement 2, refused): Duplicate column name". */
    static String interrupted(InterruptedStatement at) {
        return at.script() + ":" + at.line() + " (statement " + at.statement() + ", "
                + (at.refused() ? "refused by the server" : "stopped while it ran") + ")"
                + at.serverError().map(error -> ": " + error).orElse("");
    }

    static String json(StatusReport r) {
        return json(r, Optional.empty(), NextSteps.none());
    }

    /** @param nodes the node registry, as {@code dbcreator nodes} shows it, when the product has one */
    static String json(StatusReport r, Optional<GateReport> nodes, NextSteps steps) {
        return JsonOutput.of(tree(r, nodes, steps));
    }

    static Map<String, Object> tree(StatusReport r, Optional<GateReport> nodes, NextSteps steps) {
        NextSteps here = steps.forDatabase(r.database());
        Map<String, Object> m = StatusJson.status(r, action -> ActionRendering.json(action, here));
        nodes.ifPresent(gate -> m.put("nodes", NodesRendering.json(gate)));
        return m;
    }

    static Map<String, Object> json(PreflightReport report, NextSteps steps) {
        return StatusJson.checks(report, action -> ActionRendering.json(action, steps));
    }

    /** One pre-flight check: its light, title and evidence, and each action of its fix on a line of its own. */
    static String checkLine(PreflightCheck check, NextSteps steps) {
        String light = switch (check.verdict()) {
            case GREEN -> "  ok   ";
            case AMBER -> "  warn ";
            case RED -> "  FAIL ";
        };
        StringBuilder out = new StringBuilder(String.format("%s%-18s %s%n", light, check.id().title(),
                Printable.line(check.evidence())));
        check.fix().forEach(action -> out.append(String.format("%26s%s%n", "", "-> "
                + Printable.line(ActionRendering.text(action, steps)))));
        return out.toString();
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
