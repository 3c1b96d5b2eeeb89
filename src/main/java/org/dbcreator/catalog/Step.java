package org.dbcreator.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One version hop, e.g. 4.0.0 to 4.1.0. Its expand script keeps nodes of both releases working;
 * its data migrations fill what SQL cannot say in one statement; its cleanup script drops what
 * only the old release needed; its optional rollback script undoes the expand.
 */
public record Step(
        Version from,
        Version to,
        String expandPath,
        List<String> migrationClasses,
        String cleanupPath,
        Optional<String> rollbackPath) {

    public Step {
        migrationClasses = List.copyOf(migrationClasses);
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
