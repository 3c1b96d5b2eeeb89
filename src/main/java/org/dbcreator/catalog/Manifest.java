package org.dbcreator.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What a catalog's {@code manifest.yaml} says: which product it belongs to, its baseline and the
 * chain of steps from there, and where the product's nodes register themselves.
 *
 * @param product the product's name; a database or backup of another product is refused
 * @param defaultDatabase the database name used when the operator names none
 * @param baseline the first release, created from scratch
 * @param steps every version hop after the baseline, in order, each starting where the last ended
 * @param nodes where nodes register, if the product has a node registry
 * @param largeTables tables too large to copy while nodes run: the lint asks every change to them
 *     for an {@code ALGORITHM} (and {@code LOCK}) that avoids a copy
 */
public record Manifest(
        String product,
        String defaultDatabase,
        Baseline baseline,
        List<Step> steps,
        Optional<NodeRegistry> nodes,
        List<String> largeTables) {

    public Manifest {
        steps = List.copyOf(steps);
        largeTables = List.copyOf(largeTables);
    }

    /** Table names compare without case: the lint must not miss {@code Event} for {@code event}. */
    public boolean isLarge(String table) {
        return largeTables.stream().anyMatch(table::equalsIgnoreCase);
    }

    /**
     * The first release: one script that creates the whole schema.
     *
     * @param sampleDataClass the generator of sample rows for this schema, if the product has one
     */
    public record Baseline(Version version, String schemaPath, Optional<String> sampleDataClass) {}
}
