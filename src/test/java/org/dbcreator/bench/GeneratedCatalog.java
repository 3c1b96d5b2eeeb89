package org.dbcreator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Script;

/**
 * A catalog of many small statements written by {@link StatementGenerator} into a folder: its
 * {@code manifest.yaml}, a baseline (1.0.0) and steps 1.1.0, 1.2.0, … with an expand and a cleanup
 * each (no data migrations), plus {@code client.sql}: the same scripts in the order a deploy runs
 * them (baseline, then each step's expand and cleanup), for the stock client.
 *
 * @param statements per script, in that order, as the engine splits it
 */
record GeneratedCatalog(Path folder, Map<String, Integer> statements) {

    static final String PRODUCT = "smallstatements";

    /** Writes the catalog; the same seed and sizes give the same files. */
    static GeneratedCatalog write(Path folder, long seed, int baselineStatements, int stepStatements, int steps)
            throws IOException {
        StatementGenerator generator = new StatementGenerator(seed);
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("1.0.0/create-schema.sql", generator.baseline(baselineStatements));
        StringBuilder manifest = new StringBuilder("# Generated (seed " + seed + ") for the many-small-statements benchmark.\n"
                + "product: " + PRODUCT + "\nbaseline: { version: 1.0.0, schema: 1.0.0/create-schema.sql }\nsteps:\n");
        for (int step = 1; step <= steps; step++) {
            String from = "1." + (step - 1) + ".0";
            String to = "1." + step + ".0";
            int expand = stepStatements * 4 / 5;
            scripts.put(to + "/expand.sql", generator.expand(to, expand));
            scripts.put(to + "/cleanup.sql", generator.cleanup(to, stepStatements - expand));
            manifest.append("  - from: ").append(from).append("\n    to: ").append(to).append("\n    expand: ").append(to)
                    .append("/expand.sql\n    cleanup: ").append(to).append("/cleanup.sql\n");
        }
        StringBuilder client = new StringBuilder();
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Path file = folder.resolve(script.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, script.getValue(), StandardCharsets.UTF_8);
            client.append("-- ").append(script.getKey()).append('\n').append(script.getValue()).append('\n');
        }
        Files.writeString(folder.resolve("manifest.yaml"), manifest, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("client.sql"), client, StandardCharsets.UTF_8);
        Map<String, Integer> statements = new LinkedHashMap<>();
        for (Script script : Catalog.fromDirectory(folder).allScripts()) {
            statements.put(script.path(), script.statements().size());
        }
        return new GeneratedCatalog(folder, statements);
    }

    Catalog catalog() {
        return Catalog.fromDirectory(folder);
    }

    /** Every script in deploy order, as one input for {@code mariadb DATABASE}. */
    Path clientInput() {
        return folder.resolve("client.sql");
    }

    int total() {
        return statements.values().stream().mapToInt(Integer::intValue).sum();
    }
}
