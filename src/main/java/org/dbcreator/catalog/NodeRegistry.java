package org.dbcreator.catalog;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the product's nodes register themselves and report their release, so the tool can tell
 * which releases are still running.
 *
 * @param staleAfter a node whose heartbeat is older than this is considered gone
 * @param demoWorkload the class that plays one of the product's nodes for {@code dbcreator demo-node}
 * @param restartInstructions how to restart one of the product's nodes on a new release, in the
 *     product's words (the wizard shows them on its Restart nodes page)
 */
public record NodeRegistry(
        String table,
        String nameColumn,
        String versionColumn,
        String stateColumn,
        String heartbeatColumn,
        Duration staleAfter,
        Optional<String> demoWorkload,
        Optional<String> restartInstructions) {

    public NodeRegistry(String table, String nameColumn, String versionColumn, String stateColumn,
            String heartbeatColumn, Duration staleAfter, Optional<String> demoWorkload) {
        this(table, nameColumn, versionColumn, stateColumn, heartbeatColumn, staleAfter, demoWorkload, Optional.empty());
    }
}
