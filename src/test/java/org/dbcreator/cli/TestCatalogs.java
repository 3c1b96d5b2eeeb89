package org.dbcreator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the bundled catalog that a test may break. */
final class TestCatalogs {

    private TestCatalogs() {}

    static Path copyOfBundled(Path temp) throws IOException {
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
}
