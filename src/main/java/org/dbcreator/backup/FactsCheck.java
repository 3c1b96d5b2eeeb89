package org.dbcreator.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Holds a DatabaseCreator dump to what it states about itself (see {@link DumpFacts}): the rows
 * read against its completion line and per-table lines, and its manifest against its header, so
 * that a lost part of the file or a changed manifest is refused even where the file's checksum
 * cannot tell (the manifest is missing, or was changed along with it).
 */
final class FactsCheck {

    private FactsCheck() {}

    /** The rows read from the whole dump against the counts it states. */
    static void requireRowsAsStated(Path dump, DumpFacts.Stated stated, Map<String, Long> read, List<String> notes) {
        long rows = read.values().stream().mapToLong(Long::longValue).sum();
        DumpFacts.Totals totals = stated.totals().orElseThrow(() -> damaged(dump, "its completion line does not state"
                + " its tables and rows"));
        List<String> differences = new ArrayList<>();
        if (totals.tables() != read.size() || totals.rows() != rows) {
            differences.add("its last line says " + totals.tables() + " tables, " + totals.rows() + " rows, but it holds "
                    + read.size() + " tables, " + rows + " rows");
        }
        if (stated.rows().isEmpty()) {
            notes.add("Written by an older DatabaseCreator, the dump states its tables and rows in all, not per table:"
                    + " only the totals were checked.");
        } else {
            compareCounts(stated.rows(), read, differences);
        }
        if (!differences.isEmpty()) {
            throw damaged(dump, String.join("; ", differences) + ": part of the file is lost");
        }
    }

    /** The manifest's identity against the dump's header, and its rows and checksums against the dump's trailer. */
    static void requireManifestAgrees(Path dump, BackupManifest manifest, DumpFacts.Stated stated, List<String> notes) {
        List<String> differences = new ArrayList<>();
        stated.identity().ifPresent(identity -> {
            ObjectNode recorded = ManifestJson.identity(manifest);
            if (!stated.fullIdentity()) {
                List<String> fields = new ArrayList<>();
                identity.fieldNames().forEachRemaining(fields::add);
                recorded.retain(fields); // an older dump's title states only these
            }
            difference("", recorded, identity, differences);
        });
        manifest.tables().forEach(t -> {
            DumpFacts.TableRows rows = stated.rows().get(t.name());
            if (rows != null && (rows.rows() != t.rows() || !rows.checksum().equals(t.checksum()))) {
                differences.add("table " + t.name() + ": the manifest says " + t.rows() + " rows with checksum " + t.checksum()
                        + ", the dump " + rows.rows() + " rows with checksum " + rows.checksum());
            }
        });
        if (!differences.isEmpty()) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "The manifest of " + dump + " does not agree with the"
                    + " dump: " + String.join("; ", differences) + ". One of them was changed after the backup.");
        }
        if (!stated.fullIdentity()) {
            notes.add("Written by an older DatabaseCreator, the dump repeats only the database, product, release and phase"
                    + " of its manifest: a change to the manifest's other fields (file name, server, tables and engines,"
                    + " character set) could not be detected.");
        }
        String name = dump.getFileName().toString();
        if (!name.equals(manifest.file().name())) {
            notes.add("The file was renamed: it was written as " + manifest.file().name() + ".");
        }
    }

    private static void compareCounts(Map<String, DumpFacts.TableRows> stated, Map<String, Long> read, List<String> out) {
        stated.forEach((table, rows) -> {
            Long found = read.get(table);
            if (found == null) {
                out.add("table " + table + " is missing");
            } else if (found != rows.rows()) {
                out.add("table " + table + " has " + found + " rows, the dump states " + rows.rows());
            }
        });
        read.keySet().stream().filter(t -> !stated.containsKey(t)).forEach(t -> out.add("table " + t + " has no stated rows"));
    }

    /** Names each field where the manifest and the dump differ, e.g. "file.name" or "tables[2]". */
    private static void difference(String path, JsonNode manifest, JsonNode dump, List<String> out) {
        if (manifest.isObject() && dump.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            manifest.fieldNames().forEachRemaining(fields::add);
            dump.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                difference(path.isEmpty() ? f : path + "." + f, manifest.path(f), dump.path(f), out);
            }
        } else if (manifest.isArray() && dump.isArray() && manifest.size() == dump.size()) {
            Iterator<JsonNode> m = manifest.elements();
            Iterator<JsonNode> d = dump.elements();
            for (int i = 0; m.hasNext(); i++) {
                difference(path + "[" + i + "]", m.next(), d.next(), out);
            }
        } else if (!manifest.equals(dump)) {
            out.add(path + ": the manifest says " + shown(manifest) + ", the dump " + shown(dump));
        }
    }

    private static String shown(JsonNode value) {
        String text = value.isMissingNode() ? "nothing" : ManifestJson.compact(value);
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    private static DbCreatorException damaged(Path dump, String why) {
        return new DbCreatorException(ErrorCode.BACKUP_DAMAGED, dump + " is damaged: " + why + ".");
    }
}
