package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dbcreator.db.Database;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Moves a restored and proved scratch database into the target. The target's tables leave for a
 * holding database and the scratch's arrive in one RENAME TABLE (atomic across databases on one
 * server); views, routines, triggers and events cannot move, so they are dropped and created again.
 * The target carries {@link RestoreMarker} from before the first change until the commit, which
 * moves {@code dbcreator_state} in and the marker out in one more RENAME, so product nodes and
 * every operation see either the old database or the complete new one. A failure puts the old
 * tables and objects back; the holding database is dropped only after the commit.
 */
final class RestoreSwap {

    /** The swap failed and could not be undone: the target is not as it was (the message says where its old contents are). */
    static final class NotPutBack extends DbCreatorException {
        NotPutBack(String message, Throwable cause) {
            super(ErrorCode.RESTORE_FAILED, message, cause);
        }
    }

    private static final String[] ALL_KINDS = {"FUNCTION", "PROCEDURE", "VIEW", "TRIGGER", "EVENT"};
    private static final String STATE = "dbcreator_state";

    private final Database server;
    private final String target;
    private final String scratch;
    private final String hold;
    private final Consumer<String> notice;

    /** @param hold a new database's name, for the target's old tables until the commit */
    RestoreSwap(Database server, String target, String scratch, String hold, Consumer<String> notice) {
        this.server = server;
        this.target = target;
        this.scratch = scratch;
        this.hold = hold;
        this.notice = notice;
    }

    /** @param unfinished the marker of an earlier restore that stopped in this target, if any */
    void run(RestoreMarker.Mark mark, RestoreMarker.Mark unfinished) throws SQLException {
        try (Connection c = server.dedicatedConnection()) {
            DefinedObjects incoming = DefinedObjects.read(c, scratch);
            DefinedObjects old = DefinedObjects.read(c, target);
            List<String> oldTables = tables(c, target, RestoreMarker.TABLE);
            List<String> newTables = tables(c, scratch, STATE);
            boolean withState = tables(c, scratch, "").contains(STATE);
            execute(c, "CREATE DATABASE " + SqlNames.quote(hold));
            RestoreMarker.write(c, target, mark);
            try {
                incoming.drop(c, scratch, "TRIGGER"); // a table with triggers cannot change databases
                old.drop(c, target, "TRIGGER", "VIEW"); // a view's name may be a table's in the backup
                rename(c, moves(oldTables, target, hold), moves(newTables, scratch, target));
            } catch (SQLException | RuntimeException e) {
                putBack(c, old, List.of(), List.of(), unfinished, e);
                throw e;
            }
            notice.accept("Moved " + newTables.size() + " tables into '" + target + "'; creating its views, routines, triggers"
                    + " and events ...");
            try {
                old.drop(c, target, "FUNCTION", "PROCEDURE", "EVENT");
                incoming.create(c, target, ALL_KINDS);
                List<String> found = DefinedObjects.read(c, target).labels();
                if (!found.equals(incoming.labels())) {
                    throw new DbCreatorException(ErrorCode.RESTORE_FAILED, "After moving them into '" + target + "' the"
                            + " views, routines, triggers and events are " + found + ", not " + incoming.labels() + ".");
                }
                List<String> commit = new ArrayList<>(withState ? moves(List.of(STATE), scratch, target) : List.of());
                commit.addAll(moves(List.of(RestoreMarker.TABLE), target, hold));
                rename(c, commit);
            } catch (SQLException | RuntimeException e) {
                putBack(c, old, newTables, oldTables, unfinished, e);
                throw e;
            }
            drop(c, hold);
            if (unfinished != null && !unfinished.oldContents().isEmpty()) {
                notice.accept("Dropping '" + unfinished.oldContents() + "', what '" + target + "' held before the unfinished"
                        + " restore of " + unfinished.file() + ".");
                drop(c, unfinished.oldContents());
            }
        }
    }

    /**
     * Undoes the swap: the old tables and objects return, the marker goes (or the earlier one
     * returns). Throws {@link NotPutBack} when that fails too.
     */
    private void putBack(Connection c, DefinedObjects old, List<String> newTables, List<String> oldTables,
            RestoreMarker.Mark unfinished, Exception failure) {
        try {
            DefinedObjects.read(c, target).drop(c, target, ALL_KINDS);
            rename(c, moves(newTables, target, scratch), moves(oldTables, hold, target));
            old.create(c, target, ALL_KINDS);
            if (unfinished != null) {
                RestoreMarker.write(c, target, unfinished);
            } else {
                execute(c, "DROP TABLE IF EXISTS " + SqlNames.quote(target) + "." + RestoreMarker.TABLE);
            }
            drop(c, hold);
        } catch (SQLException | RuntimeException e) {
            e.addSuppressed(failure);
            throw new NotPutBack(failure.getMessage() + " Putting '" + target + "' back as it was failed too (" + e.getMessage()
                    + "): it is marked half-restored, its old tables may be in '" + hold + "', its old views, routines,"
                    + " triggers and events were " + old.labels() + ".", e);
        }
    }

    private static List<String> moves(List<String> tables, String from, String to) {
        return tables.stream().map(t -> SqlNames.quote(from) + "." + SqlNames.quote(t) + " TO " + SqlNames.quote(to) + "."
                + SqlNames.quote(t)).toList();
    }

    @SafeVarargs
    private static void rename(Connection c, List<String>... parts) throws SQLException {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        if (!all.isEmpty()) {
            execute(c, "RENAME TABLE " + String.join(", ", all));
        }
    }

    private static void drop(Connection c, String database) throws SQLException {
        execute(c, "DROP DATABASE IF EXISTS " + SqlNames.quote(database));
    }

    /** On a statement of its own: the driver ties a statement to the default database it was made under. */
    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The tables (not views) of {@code database}, without {@code except}. */
    private static List<String> tables(Connection c, String database, String except) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE <> 'VIEW' AND TABLE_NAME <> ? ORDER BY 1")) {
            ps.setString(1, database);
            ps.setString(2, except);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
