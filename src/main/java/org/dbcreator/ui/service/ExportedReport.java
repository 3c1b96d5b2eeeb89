package org.dbcreator.ui.service;

import java.nio.file.Path;
import java.util.List;

/**
 * A support report the wizard wrote: the self-contained HTML file and the same facts as JSON beside it.
 *
 * @param bytes the size of both files together
 * @param gaps the facts the account could not read (e.g. "nodes"); the report names each with its reason
 */
public record ExportedReport(Path html, Path json, long bytes, List<String> gaps) {

    public ExportedReport {
        gaps = List.copyOf(gaps);
    }

    /** The JSON file that goes with {@code html}: the same name ending in .json instead of .html (or .htm). */
    public static Path jsonBeside(Path html) {
        String name = html.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String base = lower.endsWith(".html") ? name.substring(0, name.length() - 5)
                : lower.endsWith(".htm") ? name.substring(0, name.length() - 4) : name;
        return html.resolveSibling(base + ".json");
    }
}
