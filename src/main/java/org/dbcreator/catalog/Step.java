package org.dbcreator.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version hop, e.g. 4.0.0 to 4.1.0. Its expand script keeps nodes of both releases working;
 * its data migrations fill what SQL cannot say in one statement; its cleanup script drops what
 * only the old release needed; its optional rollback script undoes the expand, and
 * {@code rollbackData} says how it undoes what the new release wrote where that script drops.
 */
public record Step(
        Version from,
        Version to,
        String expandPath,
        List<String> migrationClasses,
        String cleanupPath,
        Optional<String> rollbackPath,
        Map<String, RollbackData> rollbackData) {

    public Step {
        migrationClasses = List.copyOf(migrationClasses);
        rollbackData = Map.copyOf(rollbackData);
    }

    /** A step with no {@code rollback-data} declared. */
    public Step(Version from, Version to, String expandPath, List<String> migrationClasses, String cleanupPath,
            Optional<String> rollbackPath) {
        this(from, to, expandPath, migrationClasses, cleanupPath, rollbackPath, Map.of());
    }

    /** What the manifest declares for a dropped table ({@code table}) or column ({@code table.column}), by lower-case key. */
    public Optional<RollbackData> rollbackData(String key) {
        return Optional.ofNullable(rollbackData.get(key.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
