package org.dbcreator.engine;

import java.util.ArrayList;
import java.util.List;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;

/** Which scripts and migrations an operation applies, in order. */
final class Plans {

    private Plans() {}

    /**
     * A fresh deploy of {@code target}: the baseline, then for each step its expand, data
     * migrations and cleanup, so a fresh database walks the same path as an upgraded one.
     */
    static List<PlanItem> deploy(Catalog catalog, Version target) {
        List<PlanItem> items = new ArrayList<>();
        items.add(new PlanItem.ScriptItem(catalog.baselineScript()));
        for (Step step : catalog.stepsBetween(catalog.baselineVersion(), target)) {
            items.add(new PlanItem.ScriptItem(catalog.expandScript(step)));
            step.migrationClasses().forEach(name -> items.add(new PlanItem.MigrationItem(name, step.to())));
            items.add(new PlanItem.ScriptItem(catalog.cleanupScript(step)));
        }
        return items;
    }
}
