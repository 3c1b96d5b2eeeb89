package org.dbcreator.catalog.lint;

/**
 * One thing the lint found, where it stands and what to do about it.
 *
 * @param script the script's path in the catalog, e.g. {@code 4.2.0/expand.sql}
 * @param line the 1-based line of the offending clause
 * @param message what the statement does and why that breaks older nodes (or portability)
 * @param fix what to write instead
 */
public record Finding(String script, int line, Rule rule, String message, String fix) {

    public Severity severity() {
        return rule.severity();
    }

    /** The line people and editors read: {@code file:line: RULE severity: message (fix)}. */
    public String text() {
        return script + ":" + line + ": " + rule + " " + severity().label() + ": " + message + " (" + fix + ")";
    }
}
