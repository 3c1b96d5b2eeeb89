package org.dbcreator.engine;

import java.util.ArrayList;
import java.util.List;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Which scripts and Java steps an operation applies, in order. Java classes are loaded here, so
 * a class that is missing or wrong fails before anything changes.
 */
final class Plans {

    private Plans() {}

    /**
     * A fresh deploy of {@code target}: the baseline (and sample data), then for each step its
     * expand, data migrations and cleanup, so a fresh database walks the same path as an upgraded one.
     */
    static List<PlanItem> deploy(Catalog catalog, Version target, SampleSize sample) {
        List<PlanItem> items = new ArrayList<>();
        items.add(new PlanItem.ScriptItem(catalog.baselineScript()));
        if (!sample.isEmpty()) {
            String generator = catalog.manifest().baseline().sampleDataClass().orElseThrow(() -> new DbCreatorException(
                    ErrorCode.INVALID_ARGUMENT, "The catalog of " + catalog.product() + " has no sample data generator."));
            items.add(new PlanItem.JavaItem(JavaSteps.sampleData(generator, sample), ScriptKind.SAMPLE_DATA,
                    catalog.baselineVersion()));
        }
        for (Step step : catalog.stepsBetween(catalog.baselineVersion(), target)) {
            addExpand(catalog, step, items);
            items.add(new PlanItem.ScriptItem(catalog.cleanupScript(step)));
        }
        return items;
    }

    /** The expand phase of an upgrade: each step's expand script, then its data migrations. */
    static List<PlanItem> expand(Catalog catalog, Version from, Version to) {
        List<PlanItem> items = new ArrayList<>();
        catalog.stepsBetween(from, to).forEach(step -> addExpand(catalog, step, items));
        return items;
    }

    /** The cleanup phase: each step's cleanup script, oldest step first. */
    static List<PlanItem> cleanup(Catalog catalog, Version from, Version to) {
        return catalog.stepsBetween(from, to).stream()
                .map(step -> (PlanItem) new PlanItem.ScriptItem(catalog.cleanupScript(step))).toList();
    }

    private static void addExpand(Catalog catalog, Step step, List<PlanItem> items) {
        items.add(new PlanItem.ScriptItem(catalog.expandScript(step)));
        for (String migration : step.migrationClasses()) {
            items.add(new PlanItem.JavaItem(JavaSteps.migration(migration, BatchRunner.DEFAULT_MIGRATION_BATCH),
                    ScriptKind.MIGRATION, step.to()));
        }
    }
}
