package org.dbcreator.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.dbcreator.catalog.Version;
import org.dbcreator.history.NodeContract;

/**
 * What one release of the product does against its database, for a demo node: how it registers,
 * and one unit of its steady work. Each instance serves one node. The manifest names the class
 * ({@code nodes: demo-workload}); it needs a public no-argument constructor.
 */
public interface NodeWorkload {

    /**
     * Registers the node as running {@code release} (or re-registers it after a restart) in the
     * caller's transaction, which has read {@code contract} with a shared lock, and gets ready for
     * {@link #work}.
     */
    void register(Connection c, String name, Version release, NodeContract contract) throws SQLException;

    /**
     * One unit of work, in the caller's transaction, which has already read {@code contract} with a
     * shared lock: the writes follow what the releases still in the range need. A wrong read result
     * throws {@link WrongResultException}.
     *
     * @param sequence counts the units of work of this node, from 0
     * @return the writes made, acknowledged once the caller commits
     */
    List<NodeWrite> work(Connection c, long sequence, NodeContract contract) throws SQLException;

    /** Called after the transaction of {@code writes} committed. */
    default void acknowledged(List<NodeWrite> writes) {}

    /** A read returned something other than what the node wrote: the data is wrong, not the connection. */
    final class WrongResultException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WrongResultException(String message) {
            super(message);
        }
    }
}
