package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dbcreator.catalog.DatabaseScope;
import org.dbcreator.catalog.Manifest;
import org.dbcreator.catalog.ScopeFinding;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;

/**
 * Lints one script statement by statement against the schema model, which it brings up to date
 * as it goes. Every rule looks at every statement; only the rules that apply to the script's kind
 * are kept, so a cleanup may drop what it likes but still must not copy a large table.
 */
final class ScriptLint {

    private final Manifest manifest;
    private final SchemaModel model;

    ScriptLint(Manifest manifest, SchemaModel model) {
        this.manifest = manifest;
        this.model = model;
    }

    List<Finding> lint(Script script) {
        model.startScript();
        DatabaseScope scope = new DatabaseScope(script.database());
        List<Finding> findings = new ArrayList<>();
        for (SqlStatement statement : script.statements()) {
            LintStatement st = new LintStatement(script, statement);
            List<Finding> found = new ArrayList<>();
            for (ScopeFinding scoped : scope.check(statement)) {
                if (scoped.leavesDatabase()) {
                    Rule rule = Rule.valueOf(scoped.kind().name()); // USE_DATABASE, DATABASE_DDL, OTHER_DATABASE
                    found.add(st.findingAtLine(rule, scoped.line(), scoped.what(), rule.fix()));
                }
            }
            MariaDbSyntax.check(st, found);
            AlterTableRules.check(st, manifest, model, found);
            new TableRules(st, manifest, model, found).check();
            found.stream().filter(f -> f.rule().appliesTo(script.kind()))
                    .sorted(Comparator.comparingInt(Finding::line)).forEach(findings::add);
        }
        return findings;
    }
}
