package org.dbcreator.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dbcreator.db.Identifiers;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Reads and validates {@code manifest.yaml}. Every finding names the file and line; all findings
 * are reported at once so the author fixes them in one pass.
 */
final class ManifestReader {

    private static final Pattern PRODUCT = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern JAVA_CLASS = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

    private final String location;
    private final List<String> findings = new ArrayList<>();
    private YamlDocument document;

    private ManifestReader(String location) {
        this.location = location;
    }

    static Manifest read(String text, String location) {
        return new ManifestReader(location).parse(text);
    }

    private Manifest parse(String text) {
        try {
            document = YamlDocument.parse(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw invalid(location + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(location + ": cannot be parsed: " + e.getMessage());
        }
        JsonNode root = document.root();
        if (!root.isObject()) {
            throw invalid(location + ":1: the manifest must be a mapping with product, baseline and steps");
        }
        onlyKeys("", root, Set.of("product", "database", "baseline", "steps", "nodes", "large-tables"));
        String product = text("/product", PRODUCT, "a lower-case name such as democloud");
        String database = optionalText("/database").orElse(product);
        if (!Identifiers.isValid(database)) {
            finding("/database", "'" + database + "' is not a valid database name");
        }
        Manifest.Baseline baseline = baseline();
        List<Step> steps = steps(baseline);
        Optional<NodeRegistry> nodes = root.has("nodes") ? Optional.of(nodes()) : Optional.empty();
        List<String> largeTables = largeTables();
        if (!findings.isEmpty()) {
            throw invalid(String.join("\n", findings));
        }
        return new Manifest(product, database, baseline, steps, nodes, largeTables);
    }

    private Manifest.Baseline baseline() {
        JsonNode node = document.root().path("baseline");
        if (!node.isObject()) {
            finding("/baseline", "baseline is missing: give { version: ..., schema: ... }");
            return new Manifest.Baseline(Version.parse("0"), "", Optional.empty());
        }
        onlyKeys("/baseline", node, Set.of("version", "schema", "sample-data"));
        Optional<String> sampleData = optionalText("/baseline/sample-data");
        sampleData.filter(name -> !JAVA_CLASS.matcher(name).matches())
                .ifPresent(name -> finding("/baseline/sample-data", "'" + name + "' is not a Java class name"));
        return new Manifest.Baseline(version("/baseline/version"), path("/baseline/schema"), sampleData);
    }

    private List<Step> steps(Manifest.Baseline baseline) {
        List<Step> steps = new ArrayList<>();
        JsonNode list = document.root().path("steps");
        if (list.isMissingNode() || list.isNull()) {
            return steps;
        }
        if (!list.isArray()) {
            finding("/steps", "steps must be a list");
            return steps;
        }
        Version previous = baseline.version();
        for (int i = 0; i < list.size(); i++) {
            String at = "/steps/" + i;
            onlyKeys(at, list.get(i), Set.of("from", "to", "expand", "cleanup", "rollback", "migrations",
                    "rollback-data"));
            Version from = version(at + "/from");
            Version to = version(at + "/to");
            if (!from.equals(previous)) {
                finding(at + "/from", "step starts at " + from + " but the previous release is " + previous
                        + ": steps must form one chain from the baseline");
            }
            if (!to.isNewerThan(from)) {
                finding(at + "/to", "step goes from " + from + " to " + to + ": 'to' must be newer than 'from'");
            }
            steps.add(new Step(from, to, path(at + "/expand"), migrations(at + "/migrations"),
                    path(at + "/cleanup"), optionalText(at + "/rollback"), rollbackData(at + "/rollback-data")));
            previous = to;
        }
        return steps;
    }

    private List<String> migrations(String pointer) {
        List<String> classes = new ArrayList<>();
        JsonNode node = document.root().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return classes;
        }
        if (!node.isArray()) {
            finding(pointer, "migrations must be a list of Java class names");
            return classes;
        }
        for (int i = 0; i < node.size(); i++) {
            String name = node.get(i).asText();
            if (!JAVA_CLASS.matcher(name).matches()) {
                finding(pointer + "/" + i, "'" + name + "' is not a Java class name");
            }
            classes.add(name);
        }
        return classes;
    }

    /**
     * {@code rollback-data}: a mapping from {@code table} or {@code table.column} to
     * {@code kept-in-sync}, {@code restored} or {@code { count-where: CONDITION }}.
     */
    private Map<String, RollbackData> rollbackData(String pointer) {
        Map<String, RollbackData> declared = new LinkedHashMap<>();
        JsonNode node = document.root().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return declared;
        }
        if (!node.isObject()) {
            finding(pointer, "rollback-data must map a table or table.column to kept-in-sync, restored or"
                    + " { count-where: CONDITION }");
            return declared;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
            String[] parts = name.split("\\.", -1);
            if (parts.length > 2 || java.util.Arrays.stream(parts).anyMatch(p -> !Identifiers.isValid(p))) {
                finding(at, "'" + name + "' is not a table or table.column name");
                continue;
            }
            JsonNode value = node.get(name);
            String key = name.toLowerCase(Locale.ROOT);
            if (value.isObject()) {
                onlyKeys(at, value, Set.of("count-where"));
                Optional<String> where = optionalText(at + "/count-where").filter(w -> !w.isBlank());
                if (where.isEmpty()) {
                    finding(at, "count-where is missing: give a condition on the table's rows, e.g. id <> 1");
                } else if (where.get().contains(";")) {
                    finding(at + "/count-where", "a condition, not statements: remove the ';'");
                } else {
                    declared.put(key, new RollbackData(RollbackData.Kind.COUNT_WHERE, where));
                }
                continue;
            }
            switch (value.isValueNode() ? value.asText().trim() : "") {
                case "kept-in-sync" -> declared.put(key, new RollbackData(RollbackData.Kind.KEPT_IN_SYNC, Optional.empty()));
                case "restored" -> declared.put(key, new RollbackData(RollbackData.Kind.RESTORED, Optional.empty()));
                default -> finding(at, "'" + value.asText() + "' is not valid here: give kept-in-sync, restored or"
                        + " { count-where: CONDITION }");
            }
        }
        return declared;
    }

    private List<String> largeTables() {
        List<String> tables = new ArrayList<>();
        JsonNode node = document.root().path("large-tables");
        if (node.isMissingNode() || node.isNull()) {
            return tables;
        }
        if (!node.isArray()) {
            finding("/large-tables", "large-tables must be a list of table names, e.g. [event, usage_event]");
            return tables;
        }
        for (int i = 0; i < node.size(); i++) {
            String name = identifier("/large-tables/" + i);
            if (!name.isEmpty() && tables.stream().anyMatch(name::equalsIgnoreCase)) {
                finding("/large-tables/" + i, "'" + name + "' is listed twice");
            }
            tables.add(name);
        }
        return tables;
    }

    private NodeRegistry nodes() {
        JsonNode node = document.root().path("nodes");
        onlyKeys("/nodes", node, Set.of("table", "columns", "stale-after", "demo-workload",
                "restart-instructions"));
        onlyKeys("/nodes/columns", node.path("columns"), Set.of("name", "version", "state", "heartbeat"));
        Optional<String> demoWorkload = optionalText("/nodes/demo-workload");
        demoWorkload.filter(name -> !JAVA_CLASS.matcher(name).matches())
                .ifPresent(name -> finding("/nodes/demo-workload", "'" + name + "' is not a Java class name"));
        return new NodeRegistry(identifier("/nodes/table"), identifier("/nodes/columns/name"),
                identifier("/nodes/columns/version"), identifier("/nodes/columns/state"),
                identifier("/nodes/columns/heartbeat"), duration("/nodes/stale-after"), demoWorkload,
                optionalText("/nodes/restart-instructions").map(String::strip).filter(text -> !text.isEmpty()));
    }

    private Duration duration(String pointer) {
        String text = optionalText(pointer).orElse("30s");
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            finding(pointer, "'" + text + "' is not a duration: write e.g. 30s, 2m or 500ms");
            return Duration.ofSeconds(30);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private String identifier(String pointer) {
        String name = text(pointer, null, "a column or table name");
        if (!name.isEmpty() && !Identifiers.isValid(name)) {
            finding(pointer, "'" + name + "' is not a valid table or column name");
        }
        return name;
    }

    private Version version(String pointer) {
        String text = text(pointer, null, "a version such as 4.1.0");
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            if (!text.isEmpty()) {
                finding(pointer, e.getMessage());
            }
            return Version.parse("0");
        }
    }

    private String path(String pointer) {
        String path = text(pointer, null, "a script path relative to the catalog folder");
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            finding(pointer, "'" + path + "' must be a path inside the catalog folder, written with '/'");
        }
        return path;
    }

    private String text(String pointer, Pattern format, String expected) {
        Optional<String> value = optionalText(pointer);
        if (value.isEmpty()) {
            finding(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " is missing: give " + expected);
            return "";
        }
        if (format != null && !format.matcher(value.get()).matches()) {
            finding(pointer, "'" + value.get() + "' is not valid here: give " + expected);
        }
        return value.get();
    }

    private Optional<String> optionalText(String pointer) {
        JsonNode node = document.root().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            finding(pointer, "expected a single value here");
            return Optional.empty();
        }
        return Optional.of(node.asText().trim());
    }

    /** Unknown keys are typos more often than not: say so instead of ignoring them. */
    private void onlyKeys(String pointer, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                finding(pointer + "/" + name, "unknown key '" + name + "'; expected one of " + allowed.stream().sorted().toList());
            }
        }
    }

    private void finding(String pointer, String message) {
        findings.add(location + ":" + document.lineOf(pointer) + ": " + message);
    }

    private static DbCreatorException invalid(String message) {
        return new DbCreatorException(ErrorCode.MANIFEST_INVALID, message);
    }
}
