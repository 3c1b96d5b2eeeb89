package org.dbcreator.backup;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything of the database besides its rows, read inside the backup's snapshot.
 *
 * @param tables base tables with their CREATE TABLE statements, by name
 * @param warnings what the backup cannot promise, e.g. tables outside the snapshot (not InnoDB)
 */
record DumpSchema(String characterSet, String collation, List<Table> tables, List<ObjectDefinition> views,
        List<ObjectDefinition> routines, List<ObjectDefinition> triggers, List<ObjectDefinition> events,
        List<String> warnings) {

    record Table(TableShape shape, String createStatement) {}

    DumpSchema {
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        routines = List.copyOf(routines);
        triggers = List.copyOf(triggers);
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
    }

    /** Views, routines, triggers and events, e.g. "view vm_view", as the manifest lists them. */
    List<String> objectNames() {
        List<String> names = new ArrayList<>();
        for (List<ObjectDefinition> kind : List.of(views, routines, triggers, events)) {
            kind.forEach(d -> names.add(d.describe()));
        }
        return names;
    }

    long estimatedRows() {
        return tables.stream().filter(t -> t.shape().withData()).mapToLong(t -> t.shape().estimatedRows()).sum();
    }
}
