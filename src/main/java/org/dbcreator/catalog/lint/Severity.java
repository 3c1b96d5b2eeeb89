package org.dbcreator.catalog.lint;

import java.util.Locale;

/** How bad a finding is: an error refuses the upgrade, a warning is printed and the upgrade goes on. */
public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word compilers print, e.g. {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
