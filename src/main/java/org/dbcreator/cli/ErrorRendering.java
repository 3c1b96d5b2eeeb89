package org.dbcreator.cli;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dbcreator.engine.NextAction;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.error.Remedy;

/**
 * A failure as the command line reports it: the error code's sentence in the command line's
 * words (its options and verbs, where the engine's sentence says what to do in general), the fix
 * as commands, and the same as JSON for {@code --json}.
 */
final class ErrorRendering {

    /** The code's advice with the options that do it; codes not named here keep the engine's sentence. */
    private static final Map<ErrorCode, String> ADVICE = new EnumMap<>(ErrorCode.class);

    static {
        ADVICE.put(ErrorCode.PASSWORD_UNAVAILABLE, "No password could be read. Give it with --password-env,"
                + " --password-file or answer the prompt.");
        ADVICE.put(ErrorCode.UNKNOWN_VERSION, "Pick a version the catalog knows; 'dbcreator status' lists them.");
        ADVICE.put(ErrorCode.EXPAND_UNSAFE, "An expand script would break the nodes of older releases, or a script"
                + " would copy a large table. Fix each finding ('dbcreator lint' names its line and fix), then run the"
                + " command again.");
        ADVICE.put(ErrorCode.DATABASE_NEEDS_UPGRADE, "The database is already deployed at an older version. Use"
                + " 'dbcreator upgrade' instead.");
        ADVICE.put(ErrorCode.DATABASE_NOT_MANAGED, "DatabaseCreator does not manage this database. Deploy it first"
                + " with 'dbcreator deploy'.");
        ADVICE.put(ErrorCode.NODES_NOT_READY, "Restart every node on the target release (or stop it for good) and run"
                + " the command again, or add --wait.");
        ADVICE.put(ErrorCode.BACKUP_REQUIRED, "Take a verified backup first: pass --backup-to DIR (or run 'dbcreator"
                + " backup'), or pass --skip-backup to go on without one; the skip is recorded with your name.");
        ADVICE.put(ErrorCode.BACKUP_NOT_A_DUMP, "Give the path of a .sql.gz file written by 'dbcreator backup', or of"
                + " a dump made by mysqldump or mariadb-dump.");
        ADVICE.put(ErrorCode.RESTORE_TARGET_NOT_EMPTY, "Restore into a new or empty database, or pass --replace once"
                + " you have read what will be lost.");
        ADVICE.put(ErrorCode.INTERNAL, "An unexpected error. Run with --verbose and report the output.");
    }

    private ErrorRendering() {}

    /** What to do, in the command line's words. */
    static String advice(ErrorCode code) {
        return ADVICE.getOrDefault(code, code.advice());
    }

    /**
     * "error CODE: what went wrong. What to do.", then a line per action of the fix. The message may
     * quote the database (a node's name, the lock's holder, the server's error text): escaped, on
     * one line; only the catalog's findings (5x), read from the operator's own files, keep their lines.
     */
    static String text(DbCreatorException e, NextSteps steps) {
        boolean catalog = e.code().exitCode() / 10 == 5;
        String said = e.getMessage() + " " + advice(e.code());
        StringBuilder out = new StringBuilder("error " + e.code() + ": "
                + (catalog ? Printable.text(said) : Printable.line(said)) + System.lineSeparator());
        actions(e.fix()).forEach(a -> out.append("  -> ").append(Printable.line(ActionRendering.text(a, steps)))
                .append(System.lineSeparator()));
        return out.toString();
    }

    static String json(DbCreatorException e, NextSteps steps) {
        return json(e.code().name(), e.code().exitCode(), e.getMessage(), advice(e.code()),
                ActionRendering.json(e.fix(), steps));
    }

    /** A failure that is not the operator's: its type and message, and the advice to report it. */
    static String json(Exception unexpected) {
        return json(ErrorCode.INTERNAL.name(), 1, unexpected.toString(), advice(ErrorCode.INTERNAL), List.of());
    }

    /** A command line the tool could not read (exit 2). */
    static String usageJson(String message, String verb) {
        return json("USAGE", 2, message, "Run '" + verb + " --help' for its options.", List.of());
    }

    /** {"error": {code, exitCode, message, advice, fix}}. */
    private static String json(String code, int exitCode, String message, String advice, List<Map<String, Object>> fix) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("exitCode", exitCode);
        error.put("message", message);
        error.put("advice", advice);
        error.put("fix", fix);
        return JsonOutput.of(Map.of("error", error));
    }

    private static List<NextAction> actions(List<Remedy> fix) {
        return fix.stream().filter(NextAction.class::isInstance).map(NextAction.class::cast).toList();
    }
}
