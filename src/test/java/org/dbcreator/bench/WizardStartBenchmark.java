package org.dbcreator.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Cold starts of whole commands, side by side and interleaved (docs/benchmarks.md, "Wizard start and
 * Status"): each run starts every variant once, in turn, so that the load of a shared machine falls
 * on all of them alike. A variant is {@code label=shell command}. Every command gets
 * {@code DBCREATOR_JAVA_OPTIONS=-Ddbcreator.startupProbe=FILE}; a wizard writes FILE at its first
 * ready Welcome frame and closes, and its figure is the time from starting the command to that
 * frame. A command that writes no FILE (the CLI's {@code status}) is timed from start to exit.
 * Not a test; run it by hand, under a display (xvfb-run):
 *
 * <pre>xvfb-run -a -s '-screen 0 1280x800x24' java -cp target/test-classes \
 *     org.dbcreator.bench.WizardStartBenchmark 15 'wizard=./dbcreator wizard' 'status=./dbcreator status -d bench_sample'</pre>
 */
public final class WizardStartBenchmark {

    private WizardStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Map<String, String> variants = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            variants.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Map<String, List<Double>> toReady = new LinkedHashMap<>();
        Map<String, List<Double>> jvmToReady = new LinkedHashMap<>();
        Map<String, List<Double>> toExit = new LinkedHashMap<>();
        variants.keySet().forEach(k -> {
            toReady.put(k, new ArrayList<>());
            jvmToReady.put(k, new ArrayList<>());
            toExit.put(k, new ArrayList<>());
        });
        Path probe = Files.createTempFile("dbcreator-startup", ".properties");
        File log = Files.createTempFile("dbcreator-startup", ".log").toFile();
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, String> v : variants.entrySet()) {
                Files.deleteIfExists(probe);
                ProcessBuilder pb = new ProcessBuilder("sh", "-c", v.getValue()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
                pb.environment().put("DBCREATOR_JAVA_OPTIONS", "-Ddbcreator.startupProbe=" + probe);
                long startedMs = System.currentTimeMillis();
                long started = System.nanoTime();
                int exit = pb.start().waitFor();
                double exitMs = (System.nanoTime() - started) / 1e6;
                if (exit != 0) {
                    throw new IllegalStateException(v.getKey() + " exited with " + exit + "; see " + log);
                }
                toExit.get(v.getKey()).add(exitMs);
                if (Files.exists(probe)) {
                    Properties p = new Properties();
                    try (var in = Files.newBufferedReader(probe)) {
                        p.load(in);
                    }
                    toReady.get(v.getKey()).add((double) (Long.parseLong(p.getProperty("interactiveAtEpochMs")) - startedMs));
                    jvmToReady.get(v.getKey()).add(Double.parseDouble(p.getProperty("jvmStartToInteractiveMs")));
                }
            }
            System.out.printf("run %d of %d done%n", run + 1, runs);
        }
        System.out.printf("%n| variant | command start -> ready frame | JVM start -> ready frame | start -> exit | runs |%n");
        System.out.printf("|---|---|---|---|---|%n");
        for (String k : variants.keySet()) {
            System.out.printf("| %s | %s | %s | %s | %d |%n", k, cell(toReady.get(k)), cell(jvmToReady.get(k)),
                    cell(toExit.get(k)), toExit.get(k).size());
        }
        System.out.println("(median, range in brackets; output of the commands in " + log + ")");
    }

    private static String cell(List<Double> ms) {
        if (ms.isEmpty()) {
            return "—";
        }
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("%.2f s (%.2f–%.2f)", s[s.length / 2] / 1000, s[0] / 1000, s[s.length - 1] / 1000);
    }
}
