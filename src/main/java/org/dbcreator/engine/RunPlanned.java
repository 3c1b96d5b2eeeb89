package org.dbcreator.engine;

import java.time.Instant;
import java.util.List;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.progress.ProgressEvent;

/**
 * The whole run, before its first item: what a front end needs to draw the overall bar. Each item
 * then reports through ScriptStarted, its statements or batches, and ScriptFinished, in this order.
 *
 * @param operation the run as the history records it: DEPLOY, UPGRADE or CLEANUP
 */
public record RunPlanned(String operation, String database, List<Item> items, Instant at)
        implements ProgressEvent.OperationEvent {

    public RunPlanned {
        items = List.copyOf(items);
    }

    public RunPlanned(String operation, String database, List<Item> items) {
        this(operation, database, items, Instant.now());
    }

    /** Statements this run will send at most: those of the scripts not applied before. */
    public int statementsToRun() {
        return items.stream().filter(i -> !i.applied() && i.statements() > 0).mapToInt(Item::statements).sum();
    }

    /**
     * One script or data migration of the run.
     *
     * @param name the script's catalog path, or the migration's class name (as ScriptStarted names it)
     * @param release the release whose step the item belongs to
     * @param statements the script's statements; -1 for a data migration, whose rows are counted
     *     when it starts (its column may not exist before the expand that precedes it)
     * @param applied true when the history shows it applied before: the run skips it
     */
    public record Item(String name, ScriptKind kind, Version release, int statements, boolean applied) {}
}
