package org.dbcreator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator lock's heartbeat lives exactly as long as the lock, and a failed record says why it failed. */
@ExtendWith(TestDatabaseExtension.class)
class AdvisoryLockIT {

    private static List<Thread> heartbeats() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("dbcreator-lock-heartbeat")).toList();
    }

    private static boolean lockFree(TestDatabase db) throws SQLException {
        return db.rows("SELECT IS_FREE_LOCK('dbcreator." + db.name() + "')").get(0).equals("1");
    }

    private static void toolTables(TestDatabase db) throws SQLException {
        db.create();
        try (Database database = Database.connect(db.admin()); Connection c = database.productConnection()) {
            new JdbcHistory(db.name()).createTables(c);
        }
    }

    @Test
    void theHeartbeatShouldEndWhenTheLockIsReleased(TestDatabase db) throws SQLException {
        toolTables(db);
        List<Thread> before = heartbeats();
        try (Database database = Database.connect(db.admin())) {
            AdvisoryLock lock = AdvisoryLock.acquire(database, "upgrade", "tester");
            assertThat(heartbeats()).hasSize(before.size() + 1);
            assertThat(lockFree(db)).isFalse();

            lock.close();

            assertThat(heartbeats()).as("no heartbeat outlives its lock").hasSize(before.size());
            assertThat(lockFree(db)).isTrue();
            assertThat(db.rows("SELECT COUNT(*) FROM dbcreator_lock")).containsExactly("0");
        }
    }

    @Test
    void aRefusedRecordShouldBeAPrivilegeFailureAndLeaveNoLockOrHeartbeat(TestDatabase db) throws SQLException {
        toolTables(db);
        ConnectionSettings operator = db.createUser("ALL");
        ConnectionSettings definer = db.createUser("SELECT");
        // The record's INSERT fires a trigger whose definer may not run triggers: the server refuses the INSERT
        // for want of a privilege although the operator holds INSERT, UPDATE and DELETE.
        db.execute("CREATE DEFINER = '" + definer.user() + "'@'%' TRIGGER dbcreator_lock_guard BEFORE INSERT ON"
                + " dbcreator_lock FOR EACH ROW SET NEW.holder = NEW.holder");
        List<Thread> before = heartbeats();

        try (Database database = Database.connect(operator)) {
            assertThatThrownBy(() -> AdvisoryLock.acquire(database, "upgrade", "tester"))
                    .isInstanceOfSatisfying(DbCreatorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
                        assertThat(e.getMessage()).contains("may not record the operator lock");
                    });
        }

        assertThat(lockFree(db)).as("the lock taken before the record failed is released").isTrue();
        assertThat(heartbeats()).hasSize(before.size());
        assertThat(db.rows("SELECT COUNT(*) FROM dbcreator_lock")).containsExactly("0");
    }
}
