package org.dbcreator.engine;

/** What information_schema says about a schema statement that was interrupted. */
enum DdlEffect {
    /** Its effect is visible: record it as done, do not run it again. */
    APPLIED,
    /** Its effect is absent: run it. */
    NOT_APPLIED,
    /** Running it again is harmless whatever happened ({@code IF NOT EXISTS}, {@code OR REPLACE}). */
    RERUN_SAFE,
    /** Cannot be told from the catalog of the server: the operator has to look. */
    UNKNOWN
}
