package org.dbcreator.catalog.lint;

import java.util.Collection;
import java.util.List;

/**
 * What the lint found in a catalog, in catalog order (baseline, then each step's scripts) and by line.
 *
 * @param scripts how many scripts were read
 */
public record LintReport(List<Finding> findings, int scripts) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /** The findings in the scripts with these catalog paths, e.g. the expand scripts of an upgrade's plan. */
    public LintReport only(Collection<String> scriptPaths) {
        return new LintReport(findings.stream().filter(f -> scriptPaths.contains(f.script())).toList(),
                scriptPaths.size());
    }
}
