package org.dbcreator.error;

/**
 * Every way an operation can fail, with the exit code the command line returns for it and the
 * sentence that tells the operator what to do next. Codes are stable: scripts branch on them.
 */
public enum ErrorCode {
    // 3x: reaching the server
    CONNECTION_REFUSED(30, "Nothing answers on that host and port. Check that the server runs and that host, port and firewall are right."),
    HOST_UNREACHABLE(30, "The host cannot be reached. Check the host name and the network path to the server."),
    AUTHENTICATION_FAILED(31, "The server refused the user name or password. Check them, or the password source you gave."),
    TLS_FAILED(32, "The TLS connection could not be set up. Check the TLS mode, the CA file and the server's certificate."),
    SERVER_UNSUPPORTED(33, "This server is not supported. Use MySQL 8.0+ or MariaDB 10.6+."),
    CONNECTION_LOST(34, "The connection to the server was lost. Run the same command again: the operation resumes where it stopped."),
    PASSWORD_UNAVAILABLE(35, "No password could be read. Give a password source (an environment variable or a file) or answer the prompt."),

    // 4x: what the user asked for
    INVALID_IDENTIFIER(40, "Use a name of letters, digits, '_' and '$' (at most 64 characters, not only digits)."),
    INVALID_ARGUMENT(40, "Check the value and run the command again."),
    UNKNOWN_VERSION(41, "Pick a version the catalog knows; the status lists them."),
    INSUFFICIENT_PRIVILEGES(42, "Grant the missing privileges to this user, or connect as a user who has them."),
    CONFIRMATION_REQUIRED(43, "Read what the command is about to do, then run it again with the confirmation option it names."),
    SYSTEM_DATABASE(44, "Name the product's database: the server's own databases (mysql, sys, information_schema, performance_schema) are never backed up or restored into."),

    // 5x: the catalog
    MANIFEST_INVALID(50, "Fix the manifest at the place named, then run the command again."),
    SCRIPT_MISSING(51, "Restore the script file or fix its path in the manifest."),
    SCRIPT_INVALID(52, "Fix the script at the line named, then run the command again."),
    CHECKSUM_MISMATCH(53, "An applied script was edited afterwards. Restore the released script; never change a script once it ran."),
    MIGRATION_INVALID(54, "The data migration named in the manifest cannot be loaded. Check its class name and the classpath."),
    EXPAND_UNSAFE(55, "An expand script would break the nodes of older releases, or a script would copy a large table. Fix each finding (the lint names its line and fix), then run the operation again."),
    SCRIPT_LEAVES_DATABASE(56, "A script must work in the product's database only: remove the USE, CREATE/DROP DATABASE or other database's name at the line named."),
    DATABASE_NAME_BOUND(57, "Deploy under the database name the scripts name, or remove that name from the scripts (write t, not db.t)."),

    // 6x: the database's state
    DATABASE_NOT_EMPTY(60, "The database holds tables that DatabaseCreator does not manage. Deploy into a new or empty database."),
    DATABASE_NEWER_THAN_CATALOG(61, "The database is newer than this catalog. Use the DatabaseCreator release that matches the database."),
    DATABASE_NEEDS_UPGRADE(62, "The database is already deployed at an older version. Upgrade it instead."),
    DATABASE_NOT_MANAGED(63, "DatabaseCreator does not manage this database. Deploy it first."),
    DATABASE_NOT_FOUND(63, "No such database on this server. Check the name, or deploy it first."),
    PRODUCT_MISMATCH(64, "The database belongs to another product. Point the tool at the right database or catalog."),
    OPERATION_IN_PROGRESS(65, "Another run is unfinished in this database. Resume it with the command it started with."),
    STATEMENT_FAILED(66, "A statement failed. Read the server's message, fix the cause, then run the same command again to resume."),
    STATE_UNKNOWN(67, "An interrupted statement's effect cannot be judged. Inspect the database, then follow the advice printed."),
    DOWNGRADE_REFUSED(69, "The database is at a newer version than the one asked for. The tool never downgrades; pick the database's version or a newer one."),
    ROLLBACK_UNAVAILABLE(69, "There is no way back without a backup here: a step has no rollback script, or its cleanup ran. Restore the backup taken for this run, or go forward."),
    LOCK_HELD(68, "Another operator is working on this database. Wait for them to finish."),

    // 8x: the cluster
    NODES_NOT_READY(80, "Restart every node on the target release (or stop it for good) and run the cleanup again, or let it wait for them."),
    ROLLBACK_NODES_NOT_READY(80, "Restart every node that runs a release newer than the one returned to on that release (or stop it for good), then run the rollback again."),
    NODE_NOT_ALLOWED(81, "This release may not run against the database now: start the node on a release inside the compatible range."),

    // 7x: the embedded server
    EMBEDDED_SERVER_FAILED(70, "The embedded server did not start. Read its log (path given) and free the data folder or disk space."),
    DEMO_ALREADY_RUNNING(71, "One demo server at a time uses a folder: use the running one, stop it first, or set DBCREATOR_HOME to another folder for a second demo."),

    // 75-79: backup and restore
    BACKUP_REQUIRED(75, "Take a verified backup first (within the upgrade, or on its own), or go on without one; the skip is recorded with your name."),
    BACKUP_DESTINATION_UNWRITABLE(76, "Pick a folder this user can write to, on a disk that accepts writes."),
    BACKUP_DESTINATION_FULL(77, "Free disk space at the destination or pick a folder on a larger disk, then run the command again."),
    BACKUP_NOT_A_DUMP(78, "Give the path of a .sql.gz file written by a DatabaseCreator backup, or of a dump made by mysqldump or mariadb-dump."),
    BACKUP_DAMAGED(78, "The file cannot be trusted: use another backup, or take a new one. Nothing was changed."),
    BACKUP_CONTENT_MISMATCH(78, "The backup does not restore to what its manifest records: use another backup, or take a new one."),
    RESTORE_TARGET_NOT_EMPTY(79, "Restore into a new or empty database, or replace its contents once you have read what will be lost."),
    BACKUP_OTHER_PRODUCT(79, "The backup belongs to another product. Use that product's DatabaseCreator and catalog, or the right file."),
    BACKUP_NEWER_THAN_CATALOG(79, "The backup holds a schema newer than this catalog. Use the DatabaseCreator release that wrote it."),
    RESTORE_FAILED(79, "The server refused a statement of the dump. Read its message, fix the cause, then run the restore again."),

    // 130: stopped as asked (128 + SIGINT, as shells report Ctrl-C)
    CANCELLED(130, "Run the same command again to go on where it stopped: the database is as an interruption leaves it, and the operator lock is released."),

    // 1: anything else
    INTERNAL(1, "An unexpected error. Report it with the tool's log.");

    private final int exitCode;
    private final String advice;

    ErrorCode(int exitCode, String advice) {
        this.exitCode = exitCode;
        this.advice = advice;
    }

    /** The command line's exit status for this failure. */
    public int exitCode() {
        return exitCode;
    }

    /** What the operator should do next. */
    public String advice() {
        return advice;
    }
}
