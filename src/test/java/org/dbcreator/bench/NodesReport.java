package org.dbcreator.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.dbcreator.cluster.NodeStats;

/** Prints what {@link NodesDuringUpgrade} measured: each round's phases and operations, then the medians of the rounds. */
final class NodesReport {

    private static final String HEADER = String.format("  %-24s %7s %6s %7s %6s %8s %8s %8s  %s", "phase / node", "seconds",
            "units", "writes", "errors", "p50 ms", "p99 ms", "max ms", "JVM gc pauses");
    private static final int SLOWEST = 5;

    private final PrintStream out;
    private final Map<String, List<PhaseFigures>> byPhase = new LinkedHashMap<>();
    private final Map<String, Map<String, List<ItemFigures>>> items = new LinkedHashMap<>();
    private final Map<String, List<String>> slowest = new LinkedHashMap<>();

    NodesReport(PrintStream out) {
        this.out = out;
    }

    /**
     * Where the operation's time went and what the nodes saw meanwhile, item by item (the engine's
     * own time between items counted as one item); its slowest units of work and what ran then.
     */
    void operation(String operation, BenchNodes cluster, OperationTimeline timeline) {
        Map<String, long[]> spans = new LinkedHashMap<>(); // label -> {nanos}
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        for (OperationTimeline.Span item : timeline.itemsAndGaps()) {
            spans.computeIfAbsent(item.label(), k -> new long[1])[0] += item.endNanos() - item.startNanos();
            List<Long> into = latencies.computeIfAbsent(item.label(), k -> new ArrayList<>());
            cluster.units(item.startNanos(), item.endNanos()).forEach(u -> into.add(u.latencyNanos()));
        }
        out.printf("  %-42s %7s %6s %8s %8s %8s%n", operation + ": item (nodes merged)", "seconds", "units", "p50 ms",
                "p99 ms", "max ms");
        spans.forEach((label, nanos) -> {
            long[] sorted = latencies.get(label).stream().mapToLong(Long::longValue).sorted().toArray();
            ItemFigures item = new ItemFigures(label, nanos[0] / 1e9, sorted.length, PhaseFigures.percentileMillis(sorted,
                    0.5), PhaseFigures.percentileMillis(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            items.computeIfAbsent(operation, k -> new LinkedHashMap<>()).computeIfAbsent(label, k -> new ArrayList<>())
                    .add(item);
            out.printf("  %-42s %7.2f %6d %8.1f %8.1f %8.1f%n", label, item.seconds(), item.units(), item.p50(), item.p99(),
                    item.max());
        });
        out.printf("  %d batches committed%n", timeline.batches());
        List<TimedWorkload.Unit> units = new ArrayList<>(cluster.units(timeline.startNanos(), timeline.endNanos()));
        units.sort(Comparator.comparingLong(TimedWorkload.Unit::latencyNanos).reversed());
        for (TimedWorkload.Unit u : units.subList(0, Math.min(SLOWEST, units.size()))) {
            long due = u.ackNanos() - u.latencyNanos();
            String slow = String.format("%s %.0f ms, due at +%.2f s: %s", u.node(), u.latencyNanos() / 1e6,
                    (due - timeline.startNanos()) / 1e9, timeline.during(due, u.ackNanos()));
            if (u == units.get(0)) {
                slowest.computeIfAbsent(operation, k -> new ArrayList<>()).add(slow);
            }
            out.println("  slow: " + slow);
        }
        timeline.notices().forEach(n -> out.println("  notice " + n));
        cluster.failures(timeline.startNanos(), timeline.endNanos())
                .forEach(f -> out.printf("  failed: %s at +%.2f s: %s%n", f.node(), (f.atNanos() - timeline.startNanos())
                        / 1e9, f.message()));
    }

    /** One item of an operation (a script, a data migration, or the engine's own time) and the nodes' latencies meanwhile. */
    private record ItemFigures(String label, double seconds, long units, double p50, double p99, double max) {}

    void phase(PhaseFigures p) {
        out.println(HEADER);
        out.printf("  %-24s %7.1f %6d %7d %6d %8.1f %8.1f %8.1f  %d, %d ms%n", p.phase(), p.seconds(), p.units(), p.writes(),
                p.errors(), p.p50(), p.p99(), p.max(), p.gcPauses(), p.gcMillis());
        for (int i = 0; i < p.perNode().size(); i++) {
            NodeStats n = p.perNode().get(i);
            out.printf("    node-%-18d %7.1f %6d %7d %6d %8.1f %8.1f %8.1f%n", i + 1, n.seconds(), n.transactions(),
                    n.acknowledgedWrites(), n.errors(), n.p50Millis(), n.p99Millis(), n.maxMillis());
            if (n.errors() > 0) {
                out.println("      errors by kind " + n.errorsByKind());
                n.lastErrors().forEach(e -> out.println("      last error: " + e));
            }
        }
        out.printf("    read-only units %d: p50 %.1f, p99 %.1f ms; writing units %d: p50 %.1f, p99 %.1f ms%n",
                p.readOnly().units(), p.readOnly().p50(), p.readOnly().p99(), p.writing().units(), p.writing().p50(),
                p.writing().p99());
        if (Math.abs(p.max() - p.nodesMax()) > 5) {
            out.printf("  ! merged max %.1f ms differs from the nodes' own %.1f ms%n", p.max(), p.nodesMax());
        }
    }

    void acknowledgedInserts(Map<String, long[]> found) {
        long acknowledged = found.values().stream().mapToLong(f -> f[0]).sum();
        long present = found.values().stream().mapToLong(f -> f[1]).sum();
        out.printf("  acknowledged inserts: %d, still there: %d%s%n", acknowledged, present, acknowledged == present ? ""
                : " ! MISSING " + found.entrySet().stream().filter(e -> e.getValue()[0] != e.getValue()[1])
                        .map(e -> e.getKey() + " " + (e.getValue()[0] - e.getValue()[1])).toList());
    }

    /** Keeps a round's phases for the summary and prints its ratios. */
    void round(int round, List<PhaseFigures> phases) {
        phases.forEach(p -> byPhase.computeIfAbsent(p.phase(), k -> new ArrayList<>()).add(p));
        out.printf("round %d: p99 during/before expand %.2f, max during expand %.0f ms%s%n", round,
                ratio(phases, "during expand", "before expand"), find(phases, "during expand").max(),
                phases.size() > 3 ? String.format("; p99 during/before cleanup %.2f, max during cleanup %.0f ms",
                        ratio(phases, "during cleanup", "before cleanup"), find(phases, "during cleanup").max()) : "");
    }

    void summary() {
        int rounds = byPhase.values().iterator().next().size();
        out.printf("%nMedians of %d rounds (range in brackets); latencies merged over the nodes, in ms%n", rounds);
        out.printf("  %-16s %-18s %-7s %-7s %-9s %-6s %-18s %-16s %-9s %-15s %-15s%n", "phase", "seconds", "units",
                "writes", "errors", "p50", "p99", "max", "node p99", "read-only p50/p99", "writing p50/p99");
        byPhase.forEach((phase, list) -> out.printf("  %-16s %-18s %-7.0f %-7.0f %-9s %-6.1f %-18s %-16s %-9.1f %-15s %-15s%n",
                phase, spread(list, PhaseFigures::seconds, "%.1f"), median(list, PhaseFigures::units),
                median(list, PhaseFigures::writes), list.stream().mapToLong(PhaseFigures::errors).sum() + " in all",
                median(list, PhaseFigures::p50), spread(list, PhaseFigures::p99, "%.1f"),
                spread(list, PhaseFigures::max, "%.0f"), median(list, PhaseFigures::nodesMedianP99),
                String.format("%.1f / %.1f", median(list, p -> p.readOnly().p50()), median(list, p -> p.readOnly().p99())),
                String.format("%.1f / %.1f", median(list, p -> p.writing().p50()), median(list, p -> p.writing().p99()))));
        ratios("expand");
        if (byPhase.containsKey("during cleanup")) {
            ratios("cleanup");
        }
        items.forEach((operation, byItem) -> {
            out.printf("%n  %-42s %-16s %-7s %-8s %-22s %-22s%n", operation + ": item (medians)", "seconds", "units", "p50",
                    "p99", "max");
            byItem.forEach((label, list) -> out.printf("  %-42s %-16s %-7.0f %-8.1f %-22s %-22s%n", label,
                    spreadOf(list, ItemFigures::seconds, "%.2f"), medianOf(list, ItemFigures::units),
                    medianOf(list, ItemFigures::p50), spreadOf(list, ItemFigures::p99, "%.0f"),
                    spreadOf(list, ItemFigures::max, "%.0f")));
            slowest.getOrDefault(operation, List.of()).forEach(s -> out.println("  slowest unit of a round: " + s));
        });
    }

    private static double medianOf(List<ItemFigures> list, ToDoubleFunction<ItemFigures> value) {
        return PhaseFigures.median(list.stream().mapToDouble(value).toArray());
    }

    private static String spreadOf(List<ItemFigures> list, ToDoubleFunction<ItemFigures> value, String format) {
        return spread(list.stream().mapToDouble(value).toArray(), format);
    }

    private void ratios(String operation) {
        List<PhaseFigures> before = byPhase.get("before " + operation);
        List<PhaseFigures> during = byPhase.get("during " + operation);
        double[] ratios = new double[before.size()];
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = during.get(i).p99() / before.get(i).p99();
            each.append(i == 0 ? "" : ", ").append(String.format("%.2f", ratios[i]));
        }
        out.printf("  p99 during/before %s per round: %s; median %.2f%n", operation, each, PhaseFigures.median(ratios));
    }

    private static double ratio(List<PhaseFigures> phases, String during, String before) {
        return find(phases, during).p99() / find(phases, before).p99();
    }

    private static PhaseFigures find(List<PhaseFigures> phases, String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElseThrow();
    }

    private static double median(List<PhaseFigures> list, ToDoubleFunction<PhaseFigures> value) {
        return PhaseFigures.median(list.stream().mapToDouble(value).toArray());
    }

    private static String spread(List<PhaseFigures> list, ToDoubleFunction<PhaseFigures> value, String format) {
        return spread(list.stream().mapToDouble(value).toArray(), format);
    }

    private static String spread(double[] all, String format) {
        return String.format(format + " (" + format + "–" + format + ")", PhaseFigures.median(all),
                Arrays.stream(all).min().orElse(0), Arrays.stream(all).max().orElse(0));
    }
}
