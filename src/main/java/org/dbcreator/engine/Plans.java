package org.dbcreator.engine;

import java.util.ArrayList;
import java.util.List;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** Which scripts and migrations an operation applies, in order. */
final class Plans {

    private Plans() {}

    /**
     * A fresh deploy of {@code target}: the baseline, then for each step its expand, data
     * migrations and cleanup, so a fresh database walks the same path as an upgraded one.
     */
    static List<PlanItem> deploy(Catalog catalog, Version target, SampleSize sample) {
        List<PlanItem> items = new ArrayList<>();
        items.add(new PlanItem.ScriptItem(catalog.baselineScript()));
        if (!sample.isEmpty()) {
            String generator = catalog.manifest().baseline().sampleDataClass().orElseThrow(() -> new DbCreatorException(
                    ErrorCode.INVALID_ARGUMENT, "The catalog of " + catalog.product() + " has no sample data generator."));
            items.add(new PlanItem.JavaItem(generator, ScriptKind.SAMPLE_DATA, catalog.baselineVersion()));
        }
        for (Step step : catalog.stepsBetween(catalog.baselineVersion(), target)) {
            items.add(new PlanItem.ScriptItem(catalog.expandScript(step)));
            step.migrationClasses().forEach(name -> items.add(new PlanItem.JavaItem(name, ScriptKind.MIGRATION, step.to())));
            items.add(new PlanItem.ScriptItem(catalog.cleanupScript(step)));
        }
        return items;
    }
}
