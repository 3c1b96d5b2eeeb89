package org.dbcreator.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory catalog for tests that need a broken one. */
final class MapScriptSource implements ScriptSource {

    private final Map<String, String> files = new HashMap<>();

    MapScriptSource with(String path, String content) {
        files.put(path, content);
        return this;
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public String locate(String path) {
        return "test/" + path;
    }
}
