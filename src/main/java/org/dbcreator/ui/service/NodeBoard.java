package org.dbcreator.ui.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.history.DatabaseState;

/**
 * What the Restart nodes page shows, read from the server at one moment: the database's state (what
 * the nodes are judged against), the node registry judged by the cleanup gate, the nodes the operator
 * excluded in this window, and the demo nodes this window runs (they get buttons on their cards).
 *
 * @param state empty when DatabaseCreator does not manage the database
 * @param gate empty when the product has no node registry, or the database is not managed
 */
public record NodeBoard(Optional<DatabaseState> state, Optional<GateReport> gate, Set<String> excluded,
        List<String> demoNodes) {

    public NodeBoard {
        excluded = Set.copyOf(excluded);
        demoNodes = List.copyOf(demoNodes);
    }
}
