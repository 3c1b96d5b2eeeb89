package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.List;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;

/**
 * The expand-safety lint ({@code dbcreator lint}, and the "Expand safety" check before every
 * upgrade): reads the catalog's scripts in the order a fresh deploy runs them, so that each
 * statement is judged against the schema the earlier scripts left, and returns what it found.
 * Pure text analysis: it never talks to a server and never throws for a finding.
 */
public final class CatalogLint {

    private CatalogLint() {}

    public static LintReport check(Catalog catalog) {
        return check(catalog, catalog.latestVersion());
    }

    /**
     * Lints the baseline and the steps up to {@code upTo}: an upgrade to an older release neither
     * needs nor waits for the later steps' scripts.
     */
    public static LintReport check(Catalog catalog, Version upTo) {
        SchemaModel model = new SchemaModel();
        ScriptLint lint = new ScriptLint(catalog.manifest(), model);
        List<Finding> findings = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        scripts.add(catalog.baselineScript());
        findings.addAll(lint.lint(catalog.baselineScript()));
        for (Step step : catalog.stepsBetween(catalog.baselineVersion(), upTo)) {
            Script expand = catalog.expandScript(step);
            Script cleanup = catalog.cleanupScript(step);
            findings.addAll(lint.lint(expand));
            findings.addAll(lint.lint(cleanup));
            scripts.add(expand);
            scripts.add(cleanup);
            // a rollback only undoes the expand: it is not replayed, and the rules for it need no model
            catalog.rollbackScript(step).ifPresent(rollback -> {
                findings.addAll(new ScriptLint(catalog.manifest(), new SchemaModel()).lint(rollback));
                findings.addAll(RollbackScope.of(expand).check(rollback, expand.path()));
                scripts.add(rollback);
            });
        }
        return new LintReport(findings, scripts.size());
    }
}
