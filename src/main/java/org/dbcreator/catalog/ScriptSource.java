package org.dbcreator.catalog;

import java.util.Optional;

/** Reads a catalog's files: from the jar for the bundled catalog, or from a folder on disk. */
public interface ScriptSource {

    /** The file's text, or empty when there is no such file. */
    Optional<String> read(String path);

    /** Where {@code path} is, for messages that send the operator to the file. */
    String locate(String path);
}
