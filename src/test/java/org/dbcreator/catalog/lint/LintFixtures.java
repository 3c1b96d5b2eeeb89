package org.dbcreator.catalog.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dbcreator.catalog.Catalog;

/**
 * The broken fixture catalogs under {@code src/test/resources/lint/}: one per rule (named after it),
 * a clean one and one with several findings, all on the same small baseline. Also writes catalogs
 * around a single statement on that baseline, for the many small cases.
 */
final class LintFixtures {

    static final Path ROOT = Path.of("src", "test", "resources", "lint");

    private LintFixtures() {}

    static Path folder(String name) {
        return ROOT.resolve(name);
    }

    static Catalog catalog(String name) {
        return Catalog.fromDirectoryForLint(folder(name));
    }

    /** A catalog whose one step has this expand and this cleanup script; {@code event} is declared large. */
    static Catalog withStep(Path temp, String expand, String cleanup) throws IOException {
        Files.createDirectories(temp.resolve("1.0.0"));
        Files.createDirectories(temp.resolve("1.1.0"));
        Files.copy(folder("clean").resolve("1.0.0/create-schema.sql"), temp.resolve("1.0.0/create-schema.sql"));
        Files.writeString(temp.resolve("manifest.yaml"), """
                product: fixture
                baseline: { version: 1.0.0, schema: 1.0.0/create-schema.sql }
                steps:
                  - { from: 1.0.0, to: 1.1.0, expand: 1.1.0/expand.sql, cleanup: 1.1.0/cleanup.sql }
                large-tables: [event]
                """);
        Files.writeString(temp.resolve("1.1.0/expand.sql"), expand);
        Files.writeString(temp.resolve("1.1.0/cleanup.sql"), cleanup);
        return Catalog.fromDirectoryForLint(temp);
    }

    /** Adds a step from 1.1.0 to 1.2.0 to a catalog written by {@link #withStep}. */
    static Catalog withNextStep(Path temp, String expand, String cleanup) throws IOException {
        Files.createDirectories(temp.resolve("1.2.0"));
        Path manifest = temp.resolve("manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("large-tables", """
                  - { from: 1.1.0, to: 1.2.0, expand: 1.2.0/expand.sql, cleanup: 1.2.0/cleanup.sql }
                large-tables"""));
        Files.writeString(temp.resolve("1.2.0/expand.sql"), expand);
        Files.writeString(temp.resolve("1.2.0/cleanup.sql"), cleanup);
        return Catalog.fromDirectoryForLint(temp);
    }
}
