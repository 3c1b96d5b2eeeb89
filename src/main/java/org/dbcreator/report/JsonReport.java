package org.dbcreator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JournalEntry;

/**
 * The support report as one JSON document, in the keys {@code status --json} and
 * {@code nodes --json} use (README, "JSON output"): the status keys at the top level, the node
 * gate under {@code nodes}; then {@code toolVersion}, {@code generatedAt}, {@code connection},
 * {@code lastRun}, {@code lock}, {@code backups} and {@code gaps}.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(SupportReport r) {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps, lists and plain values always serialise", e);
        }
    }

    static Map<String, Object> tree(SupportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("toolVersion", r.toolVersion());
        m.put("generatedAt", r.generatedAt().toString());
        m.put("connection", r.connection());
        r.status().ifPresent(s -> m.putAll(StatusJson.status(s, Actions::json)));
        m.put("nodes", r.nodes().map(StatusJson::nodes).orElse(null));
        Map<String, Object> lastRun = new LinkedHashMap<>();
        lastRun.put("runId", r.lastRunJournal().isEmpty() ? null : r.lastRunJournal().get(0).runId());
        lastRun.put("journal", r.lastRunJournal().stream().map(JsonReport::journal).toList());
        m.put("lastRun", lastRun);
        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("held", r.lockHolder().isPresent());
        lock.put("holder", r.lockHolder().orElse(null));
        m.put("lock", lock);
        m.put("backups", r.recentBackups().stream().map(JsonReport::backup).toList());
        m.put("gaps", r.gaps().stream().map(g -> {
            Map<String, Object> gap = new LinkedHashMap<>();
            gap.put("fact", g.fact());
            gap.put("reason", g.reason());
            return gap;
        }).toList());
        return m;
    }

    private static Map<String, Object> journal(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("script", e.script());
        m.put("statement", e.index() + 1);
        m.put("line", e.line());
        m.put("outcome", e.outcome().name());
        m.put("connectionId", e.connectionId());
        m.put("error", e.error().orElse(null));
        return m;
    }

    private static Map<String, Object> backup(BackupRecord b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.kind().name());
        m.put("schemaVersion", text(b.schemaVersion()));
        m.put("file", b.file().orElse(null));
        m.put("verification", b.verification().orElse(null));
        m.put("recordedBy", b.recordedBy());
        m.put("ageSeconds", b.age().toSeconds());
        return m;
    }

    static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(null);
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
