package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;

/** Builds a dry run's preview from a plan, the history and an interrupted run's journal. */
final class Previews {

    private Previews() {}

    static PlanPreview of(List<PlanItem> plan, Inspection inspection, Optional<String> runId, Connection c,
            JdbcHistory history) throws SQLException {
        List<PlanPreview.Item> items = new ArrayList<>();
        for (PlanItem item : plan) {
            boolean applied = PlanExecutor.isApplied(item, inspection.applied());
            if (item instanceof PlanItem.ScriptItem s) {
                Map<Integer, JournalEntry> journal = runId.isPresent() && !applied
                        ? history.journal(c, runId.get(), s.name()) : Map.of();
                items.add(new PlanPreview.Item(s.name(), "", item.kind().name(), item.version().toString(),
                        s.script().location(), applied, statements(s.script(), journal, applied)));
            } else if (item instanceof PlanItem.JavaItem j) {
                items.add(new PlanPreview.Item(j.name(), j.description(), item.kind().name(), item.version().toString(),
                        "Java: " + j.work().description(), applied, List.of()));
            }
        }
        return new PlanPreview(items);
    }

    private static List<PlanPreview.Statement> statements(Script script, Map<Integer, JournalEntry> journal,
            boolean applied) {
        List<PlanPreview.Statement> statements = new ArrayList<>();
        List<SqlStatement> all = script.statements();
        for (int i = 0; i < all.size(); i++) {
            JournalEntry entry = journal.get(i);
            statements.add(new PlanPreview.Statement(all.get(i).line(), all.get(i).sql(),
                    applied || (entry != null && entry.isDone())));
        }
        return statements;
    }
}
