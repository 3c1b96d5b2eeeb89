package org.dbcreator.engine;

/** The operations that change a database, as pre-flight checks, results and next actions name them. */
public enum OperationKind {
    DEPLOY,
    UPGRADE,
    CLEANUP,
    ROLLBACK,
    BACKUP,
    RESTORE;

    /** e.g. "upgrade", as the engine's sentences say it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
