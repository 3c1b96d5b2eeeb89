package org.dbcreator.engine;

import java.util.List;

/** A dry run's answer: every script and statement an operation would run, and what is done already. */
public record PlanPreview(List<Item> items) {

    public PlanPreview {
        items = List.copyOf(items);
    }

    /**
     * One script or Java step.
     *
     * @param description a Java step's own words for it; empty for a SQL script
     * @param location where the script is (a file or jar entry), or the Java class
     * @param applied true when the history shows it applied; it would be skipped
     */
    public record Item(String name, String description, String kind, String version, String location, boolean applied,
            List<Statement> statements) {}

    /** @param done true when an interrupted run already recorded it done; it would be skipped */
    public record Statement(int line, String sql, boolean done) {}
}
