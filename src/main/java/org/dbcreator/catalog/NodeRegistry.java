package org.dbcreator.catalog;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the product's nodes register themselves and report their release, so the tool can tell
 * which releases are still running.
 *
 * @param staleAfter a node whose heartbeat is older than this is considered gone
 * @param demoWorkload the class that plays one of the product's nodes for {@code dbcreator demo-node}
 */
public record NodeRegistry(
        String table,
        String nameColumn,
        String versionColumn,
        String stateColumn,
        String heartbeatColumn,
        Duration staleAfter,
        Optional<String> demoWorkload) {}
