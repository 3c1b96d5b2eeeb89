package org.dbcreator.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of a database as information_schema tells it (tables, columns, indexes, foreign
 * keys, views, routines, triggers, events), one sorted line per fact, so two databases can be
 * compared and their differences printed.
 */
public record SchemaSnapshot(Map<String, List<String>> sections) {

    public SchemaSnapshot {
        Map<String, List<String>> copy = new TreeMap<>();
        sections.forEach((name, lines) -> copy.put(name, List.copyOf(new TreeSet<>(lines))));
        sections = Map.copyOf(copy);
    }

    public List<String> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** Facts only in this snapshot ("- ...") or only in the other ("+ ..."); empty when equal. */
    public List<String> differencesFrom(SchemaSnapshot other) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(sections.keySet());
        names.addAll(other.sections.keySet());
        for (String name : names) {
            TreeSet<String> mine = new TreeSet<>(section(name));
            TreeSet<String> theirs = new TreeSet<>(other.section(name));
            mine.stream().filter(line -> !theirs.contains(line)).forEach(line -> differences.add("- " + name + ": " + line));
            theirs.stream().filter(line -> !mine.contains(line)).forEach(line -> differences.add("+ " + name + ": " + line));
        }
        return differences;
    }
}
