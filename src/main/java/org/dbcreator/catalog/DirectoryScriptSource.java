package org.dbcreator.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A catalog in a folder on disk ({@code --catalog DIR}). */
public final class DirectoryScriptSource implements ScriptSource {

    private final Path root;

    public DirectoryScriptSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> read(String path) {
        Path file = resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public String locate(String path) {
        return resolve(path).toString();
    }

    /** Paths in the manifest stay inside the catalog folder: "../x" is no file of ours. */
    private Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) ? file : root.resolve("(outside the catalog)");
    }
}
