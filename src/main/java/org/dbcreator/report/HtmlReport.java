package org.dbcreator.report;

import static org.dbcreator.report.Html.escape;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JournalEntry;

/**
 * The support report as one self-contained HTML file: inline CSS, no script, no external
 * resource, so it opens in any browser, offline, and attaches to a ticket as it is. Every text
 * (database or not) goes through {@link Html#escape}.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#1b1f24;background:#fff}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;margin:.4em 0}th,td{border:1px solid #d0d7de;padding:.25em .6em;
            text-align:left;vertical-align:top;white-space:pre-wrap;word-break:break-word}th{background:#f6f8fa}
            .GREEN,.OPEN,.READY,.DONE,.JUDGED_DONE{color:#116329}.AMBER,.WAITING,.STARTED{color:#9a6700}
            .RED,.BLOCKED,.FAILED{color:#cf222e;font-weight:bold}.gap{color:#9a6700}""";

    private final StringBuilder out = new StringBuilder();

    private HtmlReport() {}

    public static String render(SupportReport r) {
        return new HtmlReport().page(r);
    }

    private String page(SupportReport r) {
        String database = r.status().map(StatusReport::database).orElse(r.connection());
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>DatabaseCreator report: ")
                .append(escape(database)).append("</title>\n<style>\n").append(STYLE).append("\n</style></head><body>\n");
        out.append("<h1>DatabaseCreator support report: ").append(escape(database)).append("</h1>\n");
        table(List.of(
                row("Tool", "dbcreator " + r.toolVersion()),
                row("Generated", r.generatedAt().toString()),
                row("Connection", r.connection()),
                row("Server", r.status().map(s -> s.server() + " (" + s.serverVersion() + ")").orElse("unknown")),
                row("Operator lock", r.lockHolder().map(h -> "held by " + h).orElse("free"))));
        gaps(r.gaps());
        r.status().ifPresent(this::status);
        r.nodes().ifPresent(this::nodes);
        journal(r.lastRunJournal());
        backups(r.recentBackups());
        r.status().ifPresent(this::history);
        out.append("</body></html>\n");
        return out.toString();
    }

    private void gaps(List<SupportReport.Gap> gaps) {
        if (gaps.isEmpty()) {
            return;
        }
        heading("Not readable with this account");
        out.append("<ul>\n");
        gaps.forEach(g -> out.append("<li class=\"gap\">").append(escape(g.fact())).append(": ")
                .append(escape(g.reason())).append("</li>\n"));
        out.append("</ul>\n");
    }

    private void status(StatusReport s) {
        heading("State");
        table(List.of(
                row("Database", s.database()),
                row("Product", s.product()),
                row("Condition", s.condition().name()),
                row("Schema version", text(s.schemaVersion())),
                row("Phase", s.phase().map(Enum::name).orElse("none") + s.phaseTarget().map(t -> " → " + t).orElse("")),
                row("Compatible range", s.lowestRelease().isPresent()
                        ? text(s.lowestRelease()) + " – " + text(s.highestRelease()) : "none"),
                row("Target", s.targetVersion().toString()),
                row("Path", s.plannedSteps().isEmpty() ? "nothing to apply" : s.plannedSteps().stream()
                        .map(p -> p.from().map(f -> f + " → " + p.to()).orElse("baseline " + p.to()))
                        .collect(Collectors.joining(", "))),
                row("Interrupted", s.interrupted().map(i -> i.script() + ":" + i.line() + " (statement " + i.statement()
                        + (i.refused() ? ", refused" : "") + ")" + i.serverError().map(e -> ": " + e).orElse("")
                        + s.stepDescription(i.script()).map(d -> "; the step: " + d).orElse(""))
                        .orElse("no")),
                row("Next action", Actions.text(s.nextAction()))));
        if (!s.findings().isEmpty()) {
            heading("Findings");
            out.append("<ul>\n");
            s.findings().forEach(f -> out.append("<li class=\"RED\">").append(escape(f.text())).append("</li>\n"));
            out.append("</ul>\n");
        }
        s.checks().ifPresent(checks -> {
            heading("Checks before " + checks.operation().word() + (checks.allowsStart() ? " (it may start)" : " (it may not start)"));
            header("Check", "Verdict", "Evidence", "Fix");
            for (PreflightCheck c : checks.checks()) {
                cells(List.of(c.id().title(), c.verdict().name(), c.evidence(),
                        c.fix().stream().map(Actions::text).collect(Collectors.joining("; "))), 1, c.verdict().name());
            }
            out.append("</table>\n");
        });
    }

    private void nodes(GateReport gate) {
        heading("Nodes (cleanup to " + gate.target() + ": gate " + gate.verdict() + ")");
        if (gate.nodes().isEmpty()) {
            out.append("<p>No node has registered.</p>\n");
            return;
        }
        header("Name", "Release", "State", "Heartbeat age", "Liveness", "Verdict", "Reason");
        for (NodeStatus n : gate.nodes()) {
            cells(List.of(n.name(), n.release(), n.state(), seconds(n.heartbeatAge().toMillis()), n.liveness().name(),
                    n.verdict().name(), n.reason()), 5, n.verdict().name());
        }
        out.append("</table>\n");
    }

    private void journal(List<JournalEntry> journal) {
        heading("Journal of the last run" + (journal.isEmpty() ? "" : " " + journal.get(0).runId()));
        if (journal.isEmpty()) {
            out.append("<p>No run is journaled.</p>\n");
            return;
        }
        header("Script", "Statement", "Line", "Outcome", "Connection", "Error");
        for (JournalEntry e : journal) {
            cells(List.of(e.script(), String.valueOf(e.index() + 1), String.valueOf(e.line()), e.outcome().name(),
                    String.valueOf(e.connectionId()), e.error().orElse("")), 3, e.outcome().name());
        }
        out.append("</table>\n");
    }

    private void backups(List<BackupRecord> backups) {
        heading("Recent backups");
        if (backups.isEmpty()) {
            out.append("<p>No backup is recorded.</p>\n");
            return;
        }
        header("Kind", "Schema version", "File", "Verification", "Recorded by", "Age");
        for (BackupRecord b : backups) {
            cells(List.of(b.kind().name(), text(b.schemaVersion()), b.file().orElse(""), b.verification().orElse(""),
                    b.recordedBy(), seconds(b.age().toMillis())), -1, "");
        }
        out.append("</table>\n");
    }

    private void history(StatusReport status) {
        List<AppliedScript> history = status.history();
        heading("History");
        if (history.isEmpty()) {
            out.append("<p>No script has been applied.</p>\n");
            return;
        }
        header("Version", "Kind", "Script", "What it does", "Statements", "Operation", "Installed by", "Finished", "Run");
        for (AppliedScript a : history) {
            cells(List.of(a.version().toString(), a.kind().name(), a.script(), status.stepDescription(a.script()).orElse(""),
                    String.valueOf(a.statements()), a.operation(), a.installedBy(), a.finishedAt().toString(), a.runId()), -1, "");
        }
        out.append("</table>\n");
    }

    private void heading(String text) {
        out.append("<h2>").append(escape(text)).append("</h2>\n");
    }

    private static List<String> row(String name, String value) {
        return List.of(name, value);
    }

    private void table(List<List<String>> rows) {
        out.append("<table>\n");
        rows.forEach(r -> out.append("<tr><th>").append(escape(r.get(0))).append("</th><td>").append(escape(r.get(1)))
                .append("</td></tr>\n"));
        out.append("</table>\n");
    }

    private void header(String... names) {
        out.append("<table>\n<tr>");
        for (String name : names) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        out.append("</tr>\n");
    }

    /** One row; the cell at {@code marked} carries {@code verdict} as its class (its colour). */
    private void cells(List<String> values, int marked, String verdict) {
        out.append("<tr>");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == marked ? "<td class=\"" + escape(verdict) + "\">" : "<td>").append(escape(values.get(i)))
                    .append("</td>");
        }
        out.append("</tr>\n");
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse("none");
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
