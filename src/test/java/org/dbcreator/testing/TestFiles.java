package org.dbcreator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for tests. */
public final class TestFiles {

    private TestFiles() {}

    public static void deleteRecursively(Path folder) {
        if (!java.nio.file.Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = java.nio.file.Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
