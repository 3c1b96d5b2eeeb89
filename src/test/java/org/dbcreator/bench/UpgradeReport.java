package org.dbcreator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's figures: seconds per contender and run, the engine's phases, the load; printed as tables with the
 * ratios of contenders that its aims are about.
 */
final class UpgradeReport {

    /** The ratios the aims of issue 4 (the upgrade benchmark) are about: numerator and denominator contender. */
    private static final String[][] UPGRADE_RATIOS = {
        {"engine, in process", "mariadb client"}, {"engine, in process", "Flyway, in process"},
        {"engine, 2 commands", "mariadb client"}, {"engine, 2 commands", "Flyway, command"},
    };

    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();
    private final Map<String, List<Double>> phaseMillis = new LinkedHashMap<>();
    private final List<Double> load = new ArrayList<>();
    private final String[][] ratios;

    UpgradeReport(List<Contender> contenders) {
        this(contenders, UPGRADE_RATIOS);
    }

    /** @param ratios numerator and denominator contender of each ratio to print */
    UpgradeReport(List<Contender> contenders, String[]... ratios) {
        contenders.forEach(c -> seconds.put(c.name(), new ArrayList<>()));
        this.ratios = ratios;
    }

    void run(String contender, double elapsedSeconds) {
        seconds.get(contender).add(elapsedSeconds);
    }

    void enginePhases(Map<String, Double> millis) {
        millis.forEach((phase, ms) -> phaseMillis.computeIfAbsent(phase, p -> new ArrayList<>()).add(ms));
    }

    /** Notes the one-minute load average now. */
    void load() throws IOException {
        load.add(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
    }

    void print() {
        System.out.println("\n| contender | median | min–max | runs |\n|---|---|---|---|");
        seconds.forEach((name, values) -> System.out.printf("| %s | %.2f s | %.2f–%.2f s | %d |%n", name, median(values),
                min(values), max(values), values.size()));
        System.out.println("\n| ratio | of medians | per round: median (min–max) |\n|---|---|---|");
        for (String[] pair : ratios) {
            List<Double> a = seconds.get(pair[0]);
            List<Double> b = seconds.get(pair[1]);
            List<Double> perRound = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                perRound.add(a.get(i) / b.get(i));
            }
            System.out.printf("| %s / %s | %.2f | %.2f (%.2f–%.2f) |%n", pair[0], pair[1], median(a) / median(b),
                    median(perRound), min(perRound), max(perRound));
        }
        System.out.println("\nengine in process, median ms per phase:");
        phaseMillis.forEach((phase, values) -> System.out.printf("  %-40s %7.0f ms (%.0f–%.0f)%n", phase, median(values),
                min(values), max(values)));
        System.out.printf("%nload average (1 min) before each round and at the end: %s%n", load);
    }

    void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("contender,run,seconds\n");
        seconds.forEach((name, values) -> {
            for (int i = 0; i < values.size(); i++) {
                csv.append(name).append(',').append(i + 1).append(',').append(values.get(i)).append('\n');
            }
        });
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
