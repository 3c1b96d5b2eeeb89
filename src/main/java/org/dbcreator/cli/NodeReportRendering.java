package org.dbcreator.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dbcreator.cluster.NodeReport;
import org.dbcreator.cluster.NodeStats;

/** A demo node's report as JSON, the form scripts and benchmarks read. */
final class NodeReportRendering {

    private NodeReportRendering() {}

    static String json(NodeReport report) {
        return JsonOutput.of(tree(report));
    }

    static String json(List<NodeReport> reports) {
        return JsonOutput.of(reports.stream().map(NodeReportRendering::tree).toList());
    }

    private static Map<String, Object> tree(NodeReport r) {
        NodeStats s = r.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", r.name());
        m.put("release", r.release());
        m.put("ending", r.ending().name().toLowerCase().replace('_', '-'));
        m.put("reason", r.reason());
        m.put("seconds", Math.round(s.seconds() * 10) / 10.0);
        m.put("units_of_work", s.transactions());
        m.put("acknowledged_writes", s.acknowledgedWrites());
        m.put("errors", s.errors());
        m.put("errors_by_kind", s.errorsByKind());
        m.put("last_errors", s.lastErrors());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", s.p50Millis());
        latency.put("p99", s.p99Millis());
        latency.put("max", s.maxMillis());
        m.put("latency_ms", latency);
        return m;
    }
}
