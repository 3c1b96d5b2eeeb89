package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dbcreator.db.Database;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restore's parallel INSERT that loses a deadlock runs again instead of failing the restore (CI
 * once saw two workers deadlock on one table): the deadlock is made here on purpose, with a
 * heavier transaction of the test's own, so the server picks the restore's INSERT as its victim.
 */
@ExtendWith(TestDatabaseExtension.class)
class RestoreLockConflictIT {

    @Test
    void insertChosenAsDeadlockVictimShouldRunAgainAndTheRestoreGoOn(TestDatabase target) throws Exception {
        target.create();
        target.execute("CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB", "CREATE TABLE heavy (id INT) ENGINE=InnoDB");
        List<DumpStatement> executed = new CopyOnWriteArrayList<>();
        try (Database database = Database.connect(target.admin());
                Connection rival = database.dedicatedConnection();
                Statement rivalStatement = rival.createStatement();
                DumpExecutor executor = new DumpExecutor(database, 1, executed::add)) {
            rival.setAutoCommit(false);
            rivalStatement.execute("INSERT INTO `" + target.name() + "`.heavy VALUES " + IntStream.rangeClosed(1, 2_000)
                    .mapToObj(i -> "(" + i + ")").collect(Collectors.joining(",")));
            rivalStatement.execute("INSERT INTO `" + target.name() + "`.t VALUES (1)");

            DumpStatement insert = new DumpStatement("INSERT INTO t VALUES (2),(1)", 7);
            assertThat(executor.execute(insert)).isNull();
            awaitLockWait(target); // the worker holds row 2 and waits for row 1
            rivalStatement.executeQuery("SELECT id FROM `" + target.name() + "`.t WHERE id = 2 FOR UPDATE").close(); // closes the cycle
            rival.rollback();

            DumpExecutor.Refusal refusal = executor.finish();

            assertThat(refusal).as("the restore's refusal, if any").isNull();
            assertThat(executed).containsExactly(insert);
        }
        assertThat(target.column("SELECT id FROM t ORDER BY id", "id")).containsExactly("1", "2");
    }

    @Test
    void refusalOtherThanALockConflictShouldStandAtOnce(TestDatabase target) throws Exception {
        target.create();
        target.execute("CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB", "INSERT INTO t VALUES (1)");
        try (Database database = Database.connect(target.admin());
                DumpExecutor executor = new DumpExecutor(database, 1, s -> {})) {
            executor.execute(new DumpStatement("INSERT INTO t VALUES (2),(1)", 9));

            DumpExecutor.Refusal refusal = executor.finish();

            assertThat(refusal).isNotNull();
            assertThat(refusal.error().getErrorCode()).isEqualTo(1062);
            assertThat(refusal.statement().line()).isEqualTo(9);
        }
        assertThat(target.column("SELECT id FROM t", "id")).containsExactly("1");
    }

    private static void awaitLockWait(TestDatabase target) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (target.number("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'"
                + " AND trx_query LIKE 'INSERT INTO t VALUES%'") == 0) {
            assertThat(System.nanoTime()).as("the restore's INSERT waits for the rival's row").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
