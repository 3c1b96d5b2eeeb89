package org.dbcreator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies of the bundled catalog that a test may break. */
public final class TestCatalogs {

    private TestCatalogs() {}

    public static Path copyOfBundled(Path temp) throws IOException {
        Path target = temp.resolve("catalog");
        Path source = Path.of("sql");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** A copy of the bundled catalog whose manifest {@code edit} changed. */
    public static Path withManifest(Path temp, UnaryOperator<String> edit) throws IOException {
        Path catalog = copyOfBundled(temp);
        Path manifest = catalog.resolve("manifest.yaml");
        Files.writeString(manifest, edit.apply(Files.readString(manifest)));
        return catalog;
    }

    /** A copy of the bundled catalog whose node heartbeats go stale after {@code staleAfter} (e.g. "2s"). */
    public static Path withStaleAfter(Path temp, String staleAfter) throws IOException {
        return withManifest(temp, manifest -> manifest.replace("stale-after: 30s", "stale-after: " + staleAfter));
    }
}
