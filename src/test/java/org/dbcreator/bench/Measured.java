package org.dbcreator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One timed pipeline of processes: its wall time, its peak resident memory as GNU time reports it
 * for each process ({@code %M}, in KB), summed, since the processes of a pipe run side by side, and
 * the CPU time of its processes (user and system, {@code %U + %S}), summed.
 */
record Measured(double seconds, long peakKilobytes, double cpuSeconds) {

    static Measured of(List<List<String>> pipeline, Path stdin, Path stdout, Map<String, String> env)
            throws IOException, InterruptedException {
        List<ProcessBuilder> builders = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (List<String> command : pipeline) {
            Path report = Files.createTempFile("dbcreator-bench-time", ".txt");
            reports.add(report);
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", report.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed);
            builder.environment().putAll(env);
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            builders.add(builder);
        }
        if (stdin != null) {
            builders.get(0).redirectInput(stdin.toFile());
        }
        ProcessBuilder last = builders.get(builders.size() - 1);
        last.redirectOutput(stdout != null ? ProcessBuilder.Redirect.to(stdout.toFile()) : ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        List<Process> processes = ProcessBuilder.startPipeline(builders);
        for (Process p : processes) {
            if (p.waitFor() != 0) {
                throw new IOException("failed (exit " + p.exitValue() + "): " + p.info().commandLine().orElse("?"));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        double cpu = 0;
        for (Path report : reports) {
            List<String> lines = Files.readAllLines(report);
            String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
            peak += Long.parseLong(fields[0]);
            cpu += Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
            Files.delete(report);
        }
        return new Measured(seconds, peak, cpu);
    }
}
