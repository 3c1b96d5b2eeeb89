package org.dbcreator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dbcreator.catalog.lint.Finding;
import org.dbcreator.catalog.lint.LintReport;

/** The lint's findings as people read them (one line each, as compilers print), and as JSON for scripts. */
final class LintRendering {


    private LintRendering() {}

    static String text(LintReport report, String product) {
        StringBuilder out = new StringBuilder();
        report.findings().forEach(f -> out.append(f.text()).append('\n'));
        return out.append(summary(report, product)).append('\n').toString();
    }

    /** E.g. "democloud: 2 errors, 1 warning in 4 scripts." */
    static String summary(LintReport report, String product) {
        String counts = report.findings().isEmpty() ? "no findings"
                : count(report.errors().size(), "error") + ", " + count(report.warnings().size(), "warning");
        return product + ": " + counts + " in " + count(report.scripts(), "script") + ".";
    }

    static String json(LintReport report, String product) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", product);
        m.put("scripts", report.scripts());
        m.put("errors", report.errors().size());
        m.put("warnings", report.warnings().size());
        m.put("findings", report.findings().stream().map(LintRendering::json).toList());
        return JsonOutput.of(m);
    }

    private static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("script", f.script());
        m.put("line", f.line());
        m.put("rule", f.rule().name());
        m.put("severity", f.severity().name());
        m.put("message", f.message());
        m.put("advice", f.fix());
        return m;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
