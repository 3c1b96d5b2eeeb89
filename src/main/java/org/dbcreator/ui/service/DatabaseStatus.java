package org.dbcreator.ui.service;

import java.time.Duration;
import java.util.Optional;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.RunProgress;
import org.dbcreator.engine.StatusReport;

/**
 * The status page's facts, read from the server in one go.
 *
 * @param nodes the product's node registry, once the schema holds one
 * @param readIn how long reading it took
 * @param otherRun while another process holds the operator lock: how far its run has got, as its journal says
 */
public record DatabaseStatus(StatusReport report, Optional<GateReport> nodes, Duration readIn,
        Optional<RunProgress> otherRun) {

    public DatabaseStatus(StatusReport report, Optional<GateReport> nodes, Duration readIn) {
        this(report, nodes, readIn, Optional.empty());
    }
}
