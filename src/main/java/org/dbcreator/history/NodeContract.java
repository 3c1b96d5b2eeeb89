package org.dbcreator.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * What a product node learns from {@code dbcreator_state} before it works: the phase and the
 * releases that may run. Read with a shared lock inside the node's own transaction, it also
 * keeps a cleanup from starting until that transaction ends: the cleanup's switch to CLEANING
 * waits for the lock, and every transaction after it sees the new range.
 */
public record NodeContract(Phase phase, Optional<Version> lowestRelease, Optional<Version> highestRelease) {

    private static final String LOCKING_READ = ToolTables.NODE_CONTRACT_QUERY + " LOCK IN SHARE MODE";

    /** The contract as of {@code c}'s transaction, locked until it ends; empty when the database is not managed. */
    public static Optional<NodeContract> readLocked(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCKING_READ); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new NodeContract(Phase.valueOf(rs.getString(2)), version(rs.getString(3)),
                    version(rs.getString(4))));
        }
    }

    /** True when a node of {@code release} may run now. */
    public boolean allows(Version release) {
        return lowestRelease.isPresent() && highestRelease.isPresent()
                && !release.isOlderThan(lowestRelease.get()) && !release.isNewerThan(highestRelease.get());
    }

    /**
     * True while nodes older than {@code release} may still run: a node of {@code release} then
     * writes the old form of what its release changed, too.
     */
    public boolean olderThan(Version release) {
        return lowestRelease.map(lowest -> lowest.isOlderThan(release)).orElse(false);
    }

    /** "4.0.0 to 4.3.0 (EXPANDED)", for messages. */
    public String describe() {
        return lowestRelease.map(Version::toString).orElse("?") + " to "
                + highestRelease.map(Version::toString).orElse("?") + " (" + phase + ")";
    }

    private static Optional<Version> version(String text) {
        return Optional.ofNullable(text).map(Version::parse);
    }
}
