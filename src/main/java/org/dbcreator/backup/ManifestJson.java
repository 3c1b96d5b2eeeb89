package org.dbcreator.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** The manifest as JSON, written field by field so that the format is plain to read and stays stable. */
final class ManifestJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {}

    static String write(BackupManifest m) {
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
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a manifest; {@code source} names it in the error when it is not one. */
    static BackupManifest read(String text, String source) {
        try {
            JsonNode root = JSON.readTree(text);
            String format = required(root, "format", source);
            if (!format.equals("dbcreator-backup/" + BackupManifest.FORMAT)) {
                throw invalid(source, "its format is '" + format + "', this release reads dbcreator-backup/"
                        + BackupManifest.FORMAT);
            }
            JsonNode file = root.path("file");
            List<BackupManifest.TableEntry> tables = new ArrayList<>();
            for (JsonNode t : root.path("tables")) {
                tables.add(new BackupManifest.TableEntry(required(t, "name", source), t.path("engine").asText(""),
                        t.path("rows").asLong(), required(t, "checksum", source)));
            }
            return new BackupManifest(BackupManifest.FORMAT, required(root, "database", source), optional(root, "product"),
                    optional(root, "schemaVersion"), optional(root, "phase"), root.path("tool").asText(""),
                    root.path("server").asText(""), Instant.parse(required(root, "startedAt", source)),
                    Instant.parse(required(root, "finishedAt", source)), root.path("consistency").asText(""),
                    root.path("characterSet").asText("utf8mb4"), root.path("collation").asText(""),
                    new BackupManifest.DumpFile(required(file, "name", source), file.path("bytes").asLong(-1),
                            required(file, "sha256", source)),
                    tables, texts(root.path("objects")), texts(root.path("warnings")));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw invalid(source, "it is not valid manifest JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String required(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(source, "it lacks the field '" + field + "'");
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static DbCreatorException invalid(String source, String why) {
        return new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "The manifest " + source + " cannot be read: " + why + ".");
    }
}
