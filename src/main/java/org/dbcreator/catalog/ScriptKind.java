package org.dbcreator.catalog;

/** The role a script plays; the history records it with every applied script. */
public enum ScriptKind {
    BASELINE,
    SAMPLE_DATA,
    EXPAND,
    MIGRATION,
    CLEANUP,
    ROLLBACK
}
