package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dbcreator.catalog.DatabaseScope;
import org.dbcreator.catalog.Manifest;
import org.dbcreator.catalog.ScopeFinding;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.StatementSplitter;
import org.dbcreator.catalog.TransactionControl;

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
            for (ScopeFinding scoped : scope.check(statement)) {
                if (scoped.leavesDatabase()) {
                    Rule rule = Rule.valueOf(scoped.kind().name()); // USE_DATABASE, DATABASE_DDL, OTHER_DATABASE
                    findings.add(st.findingAtLine(rule, scoped.line(), scoped.what(), rule.fix()));
                }
            }
            TransactionControl.of(statement).ifPresent(what -> findings.add(st.findingAtLine(Rule.TRANSACTION_CONTROL,
                    statement.line(), what + " takes over the session's transactions", Rule.TRANSACTION_CONTROL.fix())));
            MariaDbSyntax.check(st, findings);
            AlterTableRules.check(st, manifest, model, findings);
            new TableRules(st, manifest, model, findings).check();
        }
        findings.addAll(dashCommentsWithoutSpace(script));
        findings.removeIf(f -> !f.rule().appliesTo(script.kind()));
        findings.sort(Comparator.comparingInt(Finding::line)); // stable: a line's findings keep their order
        return findings;
    }

    /** The comments between statements are not in any statement, so the splitter reports them. */
    private static List<Finding> dashCommentsWithoutSpace(Script script) {
        Rule rule = Rule.DASH_COMMENT_WITHOUT_SPACE;
        return StatementSplitter.dashCommentsWithoutSpace(script.content(), script.path()).stream()
                .map(line -> new Finding(script.path(), line, rule, "a --text comment: only the command-line client"
                        + " drops it, the server and other tools would run it as code", rule.fix()))
                .toList();
    }
}
