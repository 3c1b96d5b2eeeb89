package org.dbcreator.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The manifest as JSON, written field by field so that the format is plain to read and stays
 * stable. Reading is strict (see {@link ManifestFields}): a field of the wrong kind is named, never
 * taken for a default.
 */
final class ManifestJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the manifest records about the file and the rows, known only once the dump is written. */
    private static final List<String> WRITTEN_AFTER = List.of("finishedAt");
    private static final List<String> FILE_WRITTEN_AFTER = List.of("bytes", "sha256");
    private static final List<String> TABLE_WRITTEN_AFTER = List.of("rows", "checksum");

    private ManifestJson() {}

    static String write(BackupManifest m) {
        try {
            return JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(m)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The manifest's fields that are known before the first row is written, which the dump's header
     * repeats (see {@link DumpFacts}): all but the end time, the file's size and checksum, and each
     * table's rows and checksum.
     */
    static ObjectNode identity(BackupManifest m) {
        ObjectNode root = tree(m);
        root.remove(WRITTEN_AFTER);
        ((ObjectNode) root.get("file")).remove(FILE_WRITTEN_AFTER);
        root.get("tables").forEach(t -> ((ObjectNode) t).remove(TABLE_WRITTEN_AFTER));
        return root;
    }

    /** One line of compact JSON. */
    static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    private static ObjectNode tree(BackupManifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "dbcreator-backup/" + m.format());
        root.put("database", m.database());
        root.put("product", m.product().orElse(null));
        root.put("schemaVersion", m.schemaVersion().orElse(null));
        root.put("phase", m.phase().orElse(null));
        root.put("tool", m.tool());
        root.put("server", m.server());
        root.put("startedAt", m.startedAt().toString());
        root.put("finishedAt", m.finishedAt().toString());
        root.put("consistency", m.consistency());
        root.put("characterSet", m.characterSet());
        root.put("collation", m.collation());
        ObjectNode file = root.putObject("file");
        file.put("name", m.file().name());
        file.put("bytes", m.file().bytes());
        file.put("sha256", m.file().sha256());
        ArrayNode tables = root.putArray("tables");
        for (BackupManifest.TableEntry t : m.tables()) {
            tables.addObject().put("name", t.name()).put("engine", t.engine()).put("rows", t.rows()).put("checksum", t.checksum());
        }
        m.objects().forEach(root.putArray("objects")::add);
        m.warnings().forEach(root.putArray("warnings")::add);
        return root;
    }

    /** Reads a manifest; {@code source} names it in the error when it is not one. */
    static BackupManifest read(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ManifestFields.invalid(source, "it is not valid manifest JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        return new ManifestFields(root, source).manifest();
    }
}
