package org.dbcreator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a phase's CPU went: this JVM's threads (grouped by name, digits dropped) and the local
 * server's process (when it runs on this machine), read from {@code /proc}, so that a difference between two ways of
 * doing the same work can be traced to the threads (or the server) that did more.
 */
final class CpuByThread {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> byThread;
    private final Map<Long, String> names;
    private final long serverTicks;

    private CpuByThread(Map<Long, Long> byThread, Map<Long, String> names, long serverTicks) {
        this.byThread = byThread;
        this.names = names;
        this.serverTicks = serverTicks;
    }

    static CpuByThread now() {
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = THREADS.getThreadCpuTime(t.getId());
            if (ns >= 0) {
                cpu.put(t.getId(), ns);
                names.put(t.getId(), t.getName());
            }
        }
        return new CpuByThread(cpu, names, serverTicks());
    }

    /** "server 1234 ms; JVM 2345 ms: dbcreator-engine 800, QuantumRenderer- 300, ..." since this snapshot. */
    String since() {
        CpuByThread later = now();
        Map<String, Long> byGroup = new HashMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> e : later.byThread.entrySet()) {
            long delta = e.getValue() - byThread.getOrDefault(e.getKey(), 0L);
            String group = later.names.get(e.getKey()).replaceAll("\\d+", "#");
            byGroup.merge(group, delta, Long::sum);
            total += delta;
        }
        String top = byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + " " + e.getValue() / 1_000_000).collect(Collectors.joining(", "));
        String server = serverTicks < 0 ? "?" : String.valueOf((later.serverTicks - serverTicks) * 10);
        return "server " + server + " ms; JVM threads " + total / 1_000_000 + " ms: " + top;
    }

    /** The server's process id, from its pid file (readable when the server runs here); -1 when unknown. */
    static volatile long serverPid = -1;

    /** utime + stime of the server's process, in clock ticks (10 ms); -1 when it is not known here. */
    private static long serverTicks() {
        if (serverPid < 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(serverPid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return -1;
        }
    }
}
