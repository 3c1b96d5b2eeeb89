package org.dbcreator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.NodeStats;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;

/**
 * The demo nodes of {@link BenchNodes} in a JVM of their own, as a product's nodes are processes
 * of their own: the benchmark's JVM (its window, its engine, its garbage collections) then reaches
 * them only as it would reach real nodes, through the server and the machine's cores. The child
 * answers one command per line on its standard input; times are {@link System#nanoTime()}, which
 * on Linux is the same monotonic clock in every process.
 */
final class ForkedNodes implements NodeCluster {

    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    private ForkedNodes(Process process) {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** @param cpus the cores the nodes' JVM may run on (taskset's list, e.g. "0"), or empty for any */
    static ForkedNodes start(ConnectionSettings settings, Version release, int count, double rate, String cpus)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(cpus.isEmpty() ? List.of() : List.of("taskset", "-c", cpus));
        // the JVM options the launcher gives `dbcreator demo-node` (see the dbcreator script)
        command.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ForkedNodes.class.getName(), settings.host(),
                String.valueOf(settings.port()), settings.database(), settings.user(), release.toString(),
                String.valueOf(count), String.valueOf(rate)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DBCREATOR_PASSWORD", settings.password().reveal());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        ForkedNodes nodes = new ForkedNodes(builder.start());
        String ready = nodes.answers.readLine();
        if (!"READY".equals(ready)) {
            nodes.process.destroyForcibly();
            throw new IOException("the nodes' JVM did not start: " + ready);
        }
        return nodes;
    }

    /** The process's CPU time so far (user + system), in milliseconds, from /proc. */
    long cpuMillis() {
        try {
            String[] stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat")).split("\\) ")[1]
                    .split(" ");
            return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public List<NodeStats> takeIntervals() {
        List<NodeStats> stats = new ArrayList<>();
        for (String[] f : ask("INTERVALS")) {
            stats.add(new NodeStats(Double.parseDouble(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Map.of(), List.of(), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
        }
        return stats;
    }

    @Override
    public List<TimedWorkload.Unit> units(long from, long to) {
        List<TimedWorkload.Unit> units = new ArrayList<>();
        for (String[] f : ask("UNITS " + from + " " + to)) {
            units.add(new TimedWorkload.Unit(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Boolean.parseBoolean(f[3])));
        }
        return units;
    }

    @Override
    public long[] gcSoFar() {
        String[] f = ask("GC").get(0);
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    @Override
    public List<String> stop() {
        List<String> endings = ask("STOP").stream().map(f -> String.join(" ", f)).toList();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return endings;
    }

    private List<String[]> ask(String command) {
        commands.println(command);
        List<String[]> lines = new ArrayList<>();
        try {
            for (String line = answers.readLine(); !"END".equals(line); line = answers.readLine()) {
                if (line == null) {
                    throw new IllegalStateException("the nodes' JVM ended while answering " + command);
                }
                lines.add(line.split(" "));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the nodes' JVM did not answer " + command, e);
        }
        return lines;
    }

    /** The child: starts the nodes, then answers commands until STOP. */
    public static void main(String[] args) throws Exception {
        ConnectionSettings settings = new ConnectionSettings(args[0], Integer.parseInt(args[1]), args[2], args[3],
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.DISABLED, Optional.empty());
        Map<String, List<Long>> inserted = new HashMap<>();
        BenchNodes nodes = BenchNodes.start(Catalog.bundled(), settings, Version.parse(args[4]), Integer.parseInt(args[5]),
                Double.parseDouble(args[6]), inserted);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] command = line.split(" ");
            switch (command[0]) {
                case "INTERVALS" -> nodes.takeIntervals().forEach(s -> out.println(s.seconds() + " " + s.transactions() + " "
                        + s.acknowledgedWrites() + " " + s.errors() + " " + s.p50Millis() + " " + s.p99Millis() + " "
                        + s.maxMillis()));
                case "UNITS" -> nodes.units(Long.parseLong(command[1]), Long.parseLong(command[2])).forEach(u -> out.println(
                        u.node() + " " + u.ackNanos() + " " + u.latencyNanos() + " " + u.wrote()));
                case "GC" -> {
                    long[] gc = PhaseFigures.gcSoFar(); // one reading: count and time of the same moment
                    out.println(gc[0] + " " + gc[1]);
                }
                case "STOP" -> nodes.stop().forEach(out::println);
                default -> out.println("unknown command " + line);
            }
            out.println("END");
            if (command[0].equals("STOP")) {
                break;
            }
        }
        System.exit(0);
    }
}
