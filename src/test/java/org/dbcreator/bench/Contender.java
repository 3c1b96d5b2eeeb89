package org.dbcreator.bench;

import java.nio.file.Path;
import org.dbcreator.db.ConnectionSettings;

/**
 * One way of doing a benchmark's work on a fresh database (an upgrade from the oldest release to the latest, or a
 * deploy); the benchmark times {@link #run}.
 */
interface Contender {

    String name();

    /** Does the work on {@code target.settings().database()}; throws when it did not succeed. */
    void run(Target target) throws Exception;

    /**
     * @param settings the server, and the fresh database
     * @param sql the statements for the stock client (for the upgrade, those {@link UpgradeStatements} captured);
     *     Flyway reads the folder it is in
     * @param logs where commands write their output
     */
    record Target(ConnectionSettings settings, Path sql, Path logs) {

        /** A plain JDBC URL, as a Flyway user would write it (TLS off, like every contender here). */
        String jdbcUrl() {
            return "jdbc:mysql://" + settings.host() + ":" + settings.port() + "/" + settings.database()
                    + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        }
    }
}
