package org.dbcreator.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The catalog bundled in the jar: {@code sql/} is packaged under {@code catalog/}. */
public final class ClasspathScriptSource implements ScriptSource {

    private final String root;

    public ClasspathScriptSource(String root) {
        this.root = root.endsWith("/") ? root : root + "/";
    }

    @Override
    public Optional<String> read(String path) {
        try (InputStream in = ClasspathScriptSource.class.getClassLoader().getResourceAsStream(root + path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + locate(path), e);
        }
    }

    @Override
    public String locate(String path) {
        return "bundled catalog " + path;
    }
}
