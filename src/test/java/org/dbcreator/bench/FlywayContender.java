package org.dbcreator.bench;

import org.flywaydb.core.Flyway;

/**
 * Flyway applying the captured statements as one versioned migration ({@code V2__...sql}) to a
 * database it baselines at version 1. Compiled only with {@code -Pbench}, which brings Flyway.
 *
 * <p>{@code executeInTransaction(false)}: each statement commits by itself, as with the stock client
 * and the engine, so the data migrations' batches stay separate commits. (By default Flyway would
 * wrap the migration in one transaction: on MySQL/MariaDB every DDL statement commits it anyway,
 * but the batches of a backfill would then commit together.)
 *
 * <p>As a command: {@code java -cp ... org.dbcreator.bench.FlywayContender JDBC_URL USER FOLDER},
 * the password in {@code DBCREATOR_PASSWORD}.
 */
public final class FlywayContender implements Contender {

    @Override
    public String name() {
        return "Flyway, in process";
    }

    @Override
    public void run(Target target) {
        migrate(target.jdbcUrl(), target.settings().user(), target.settings().password().reveal(),
                target.sql().getParent().toString());
    }

    static void migrate(String url, String user, String password, String folder) {
        int applied = Flyway.configure()
                .dataSource(url, user, password)
                .locations("filesystem:" + folder)
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .executeInTransaction(false)
                .load()
                .migrate()
                .migrationsExecuted;
        if (applied != 1) {
            throw new IllegalStateException("Flyway applied " + applied + " migrations, not 1");
        }
    }

    public static void main(String[] args) {
        migrate(args[0], args[1], System.getenv().getOrDefault("DBCREATOR_PASSWORD", ""), args[2]);
    }
}
