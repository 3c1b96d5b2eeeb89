package org.dbcreator.engine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.catalog.lint.CatalogLint;
import org.dbcreator.catalog.lint.Finding;
import org.dbcreator.catalog.lint.LintReport;
import org.dbcreator.error.ErrorCode;

/**
 * The "Expand safety" pre-flight check: the lint's findings in the expand scripts the plan runs.
 * Red on an error, so that an upgrade that would break the running nodes never starts; amber on
 * warnings. Absent when the plan runs no expand script (a cleanup, or nothing to do).
 */
final class ExpandSafetyCheck {

    static final PreflightCheck.Id ID = PreflightCheck.Id.EXPAND_SAFETY;
    private static final int SHOWN = 3;

    private ExpandSafetyCheck() {}

    static Optional<PreflightCheck> of(Catalog catalog, List<PlanItem> plan) {
        List<Script> expands = plan.stream().filter(PlanItem.ScriptItem.class::isInstance)
                .map(item -> ((PlanItem.ScriptItem) item).script())
                .filter(script -> script.kind() == ScriptKind.EXPAND).toList();
        if (expands.isEmpty()) {
            return Optional.empty();
        }
        Version target = expands.get(expands.size() - 1).version();
        LintReport report = CatalogLint.check(catalog, target).only(expands.stream().map(Script::path).toList());
        if (report.hasErrors()) {
            return Optional.of(PreflightCheck.red(ID, list(report.errors(), "error"), ErrorCode.EXPAND_UNSAFE, new NextAction.ReadLint()));
        }
        if (!report.warnings().isEmpty()) {
            return Optional.of(PreflightCheck.amber(ID, list(report.warnings(), "warning"), new NextAction.ReadLint()));
        }
        return Optional.of(PreflightCheck.green(ID, "The expand scripts (" + expands.size()
                + ") keep older nodes working and copy no large table."));
    }

    /** E.g. "2 errors: 4.2.0/expand.sql:3 DROP_COLUMN, 4.2.0/expand.sql:7 ADD_FOREIGN_KEY." */
    private static String list(List<Finding> findings, String noun) {
        String shown = findings.stream().limit(SHOWN).map(f -> f.script() + ":" + f.line() + " " + f.rule())
                .collect(Collectors.joining(", "));
        String more = findings.size() > SHOWN ? " and " + (findings.size() - SHOWN) + " more" : "";
        return findings.size() + " " + noun + (findings.size() == 1 ? "" : "s") + ": " + shown + more + ".";
    }
}
