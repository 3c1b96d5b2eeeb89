package org.dbcreator.bench;

import java.nio.file.Path;
import org.dbcreator.db.ConnectionSettings;

/** One way of taking a fresh database from the oldest release to the latest; the benchmark times {@link #run}. */
interface Contender {

    String name();

    /** Runs oldest → latest on {@code target.settings().database()}; throws when it did not succeed. */
    void run(Target target) throws Exception;

    /**
     * @param settings the server, and the fresh database to upgrade
     * @param sql the captured statements (see {@link UpgradeStatements}); Flyway reads the folder it is in
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
