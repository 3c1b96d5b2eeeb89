package org.dbcreator.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * What a dump states about itself in comment lines (the stock client skips them), so that it can
 * be checked without its manifest and its manifest can be checked against it: the header repeats
 * the manifest's identity (see {@link ManifestJson#identity}), the trailer gives each table's rows
 * and content checksum, and the completion line the totals. Facts are one line of JSON each, so
 * any name survives. Backups written before these lines existed have only the title line
 * (database, product, release, phase) and the completion line (tables and rows in all).
 */
final class DumpFacts implements Consumer<String> {

    static final String IDENTITY = "Identity: ";
    static final String ROWS = "Rows: ";

    /** @param checksum see ContentChecksum */
    record TableRows(long rows, String checksum) {}

    /** "N tables, M rows", as the completion line states them. */
    record Totals(long tables, long rows) {}

    /**
     * @param identity the manifest's identity fields as the dump states them; only some of them (see
     *     {@code fullIdentity}) in a dump written before the identity line existed
     * @param rows each table's rows, when the dump states them
     */
    record Stated(Optional<ObjectNode> identity, boolean fullIdentity, Map<String, TableRows> rows, Optional<Totals> totals) {}

    private static final Pattern TITLE = Pattern.compile(Pattern.quote(DumpScript.TITLE.substring(3))
            + " of database `(.*)`(?:: (\\S+) (\\S+) \\((\\w+)\\)| \\(not managed by DatabaseCreator\\))");
    private static final Pattern TOTALS = Pattern.compile(Pattern.quote(DumpScript.COMPLETE) + ": (\\d+) tables?, (\\d+) rows?");

    private final String source;
    private ObjectNode identity;
    private boolean fullIdentity;
    private final Map<String, TableRows> rows = new LinkedHashMap<>();
    private boolean first = true;

    /** @param source the dump's name, for errors */
    DumpFacts(String source) {
        this.source = source;
    }

    static String identityLine(BackupManifest draft) {
        return "-- " + IDENTITY + ManifestJson.compact(ManifestJson.identity(draft)) + "\n";
    }

    static String rowsLines(List<BackupManifest.TableEntry> tables) {
        StringBuilder out = new StringBuilder();
        for (BackupManifest.TableEntry t : tables) {
            ObjectNode line = JsonNodeFactory.instance.objectNode().put("table", t.name()).put("rows", t.rows())
                    .put("checksum", t.checksum());
            out.append("-- ").append(ROWS).append(ManifestJson.compact(line)).append('\n');
        }
        return out.toString();
    }

    /** Takes one top-level comment of a DatabaseCreator dump (in the dump's one-char-per-byte form). */
    @Override
    public void accept(String comment) {
        String text = new String(comment.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (first) {
            first = false;
            title(text);
        } else if (text.startsWith(IDENTITY)) {
            if (fullIdentity) {
                throw damaged("it states its identity twice");
            }
            identity = object(text.substring(IDENTITY.length()), "identity");
            fullIdentity = true;
        } else if (text.startsWith(ROWS)) {
            JsonNode line = object(text.substring(ROWS.length()), "rows");
            JsonNode table = line.get("table");
            JsonNode count = line.get("rows");
            JsonNode checksum = line.get("checksum");
            if (table == null || !table.isTextual() || count == null || !count.canConvertToLong() || checksum == null
                    || !checksum.isTextual()) {
                throw damaged("a line '-- " + ROWS + "' lacks its table, rows or checksum");
            }
            if (rows.put(table.asText(), new TableRows(count.asLong(), checksum.asText())) != null) {
                throw damaged("it states the rows of table " + table.asText() + " twice");
            }
        }
    }

    /** The facts seen so far; the totals come from the dump's last comment. */
    Stated stated(String lastComment) {
        Matcher totals = TOTALS.matcher(lastComment);
        return new Stated(Optional.ofNullable(identity), fullIdentity, Collections.unmodifiableMap(rows),
                totals.matches() ? Optional.of(new Totals(Long.parseLong(totals.group(1)), Long.parseLong(totals.group(2))))
                        : Optional.empty());
    }

    /** The title line of every DatabaseCreator dump: what older dumps state of their identity. */
    private void title(String text) {
        Matcher m = TITLE.matcher(text);
        if (!m.matches()) {
            return;
        }
        identity = JsonNodeFactory.instance.objectNode().put("database", m.group(1));
        identity.put("product", m.group(2));
        identity.put("schemaVersion", m.group(3) == null || m.group(3).equals("(deploying)") ? null : m.group(3));
        identity.put("phase", m.group(4));
    }

    private ObjectNode object(String json, String what) {
        try {
            JsonNode node = ManifestJson.parse(json);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            // named below
        }
        throw damaged("its " + what + " line is not valid JSON");
    }

    private DbCreatorException damaged(String why) {
        return new DbCreatorException(ErrorCode.BACKUP_DAMAGED, source + " is damaged: " + why + ".");
    }
}
