package org.dbcreator.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;

/**
 * Reads a manifest's JSON tree field by field, strictly: every field must be there with a value of
 * its kind (a number of rows, a SHA-256, a release, a phase, a character set name...), so that a
 * changed or broken manifest is refused as damaged, naming the field, before anything trusts it.
 */
final class ManifestFields {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");

    private final JsonNode root;
    private final String source;

    ManifestFields(JsonNode root, String source) {
        this.root = root;
        this.source = source;
    }

    BackupManifest manifest() {
        if (!root.isObject()) {
            throw invalid(source, "it is not a JSON object");
        }
        String format = text(root, "format");
        if (!format.equals("dbcreator-backup/" + BackupManifest.FORMAT)) {
            throw invalid(source, "its field 'format' is '" + format + "', this release reads dbcreator-backup/"
                    + BackupManifest.FORMAT);
        }
        String database = text(root, "database");
        require(!database.isBlank(), "database", database, "a database name");
        Optional<String> version = optional(root, "schemaVersion");
        version.ifPresent(v -> require(isVersion(v), "schemaVersion", v, "a release such as 4.1.0"));
        Optional<String> phase = optional(root, "phase");
        phase.ifPresent(p -> require(isPhase(p), "phase", p, "one of CLEAN, EXPANDED, DEPLOYING, EXPANDING, CLEANING"));
        String characterSet = text(root, "characterSet");
        require(PLAIN_NAME.matcher(characterSet).matches(), "characterSet", characterSet, "a character set name");
        String collation = text(root, "collation");
        require(PLAIN_NAME.matcher(collation).matches(), "collation", collation, "a collation name");
        Instant started = instant("startedAt");
        Instant finished = instant("finishedAt");
        require(!finished.isBefore(started), "finishedAt", finished.toString(), "a time after startedAt");
        return new BackupManifest(BackupManifest.FORMAT, database, optional(root, "product"), version, phase,
                text(root, "tool"), text(root, "server"), started, finished, text(root, "consistency"), characterSet,
                collation, file(), tables(), texts("objects"), texts("warnings"));
    }

    private BackupManifest.DumpFile file() {
        JsonNode file = object(root, "file");
        String name = text(file, "file.name", "name");
        require(!name.isBlank() && !name.contains("/") && !name.contains("\\"), "file.name", name, "a file name");
        long bytes = count(file, "file.bytes", "bytes");
        String sha256 = text(file, "file.sha256", "sha256");
        require(SHA256.matcher(sha256).matches(), "file.sha256", sha256, "64 hexadecimal digits");
        return new BackupManifest.DumpFile(name, bytes, sha256);
    }

    private List<BackupManifest.TableEntry> tables() {
        List<BackupManifest.TableEntry> tables = new ArrayList<>();
        JsonNode array = array("tables");
        for (int i = 0; i < array.size(); i++) {
            JsonNode t = array.get(i);
            String at = "tables[" + i + "]";
            if (!t.isObject()) {
                throw invalid(source, "its field '" + at + "' is not an object");
            }
            String name = text(t, at + ".name", "name");
            require(!name.isEmpty(), at + ".name", name, "a table name");
            String checksum = text(t, at + ".checksum", "checksum");
            require(HEX.matcher(checksum).matches(), at + ".checksum", checksum, "a hexadecimal checksum");
            tables.add(new BackupManifest.TableEntry(name, text(t, at + ".engine", "engine"), count(t, at + ".rows", "rows"),
                    checksum));
        }
        return tables;
    }

    private List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        JsonNode array = array(field);
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw invalid(source, "its field '" + field + "[" + i + "]' is not text");
            }
            texts.add(array.get(i).asText());
        }
        return texts;
    }

    private Instant instant(String field) {
        String text = text(root, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(source, "its field '" + field + "' is '" + text + "', not a time such as 2026-11-25T10:15:00Z");
        }
    }

    private String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private String text(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(source, "it lacks the field '" + path + "'");
        }
        if (!value.isTextual()) {
            throw invalid(source, "its field '" + path + "' is " + value + ", not text");
        }
        return value.asText();
    }

    private Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(source, "its field '" + field + "' is " + value + ", not text");
        }
        return Optional.of(value.asText());
    }

    private long count(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw invalid(source, value == null ? "it lacks the field '" + path + "'"
                    : "its field '" + path + "' is " + value + ", not a count");
        }
        return value.asLong();
    }

    private JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(source, value == null ? "it lacks the field '" + field + "'" : "its field '" + field + "' is not an object");
        }
        return value;
    }

    private JsonNode array(String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(source, value == null ? "it lacks the field '" + field + "'" : "its field '" + field + "' is not a list");
        }
        return value;
    }

    private void require(boolean ok, String field, String value, String expected) {
        if (!ok) {
            throw invalid(source, "its field '" + field + "' is '" + value + "', not " + expected);
        }
    }

    private static boolean isVersion(String text) {
        try {
            Version.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isPhase(String text) {
        for (Phase p : Phase.values()) {
            if (p.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    static DbCreatorException invalid(String source, String why) {
        return new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "The manifest " + source + " cannot be read: " + why + ".");
    }
}
