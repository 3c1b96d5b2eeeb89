package org.dbcreator.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.Database;
import org.dbcreator.engine.StatusReport.Condition;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;

/** Reads the version state without writing anything; a SELECT-only account is enough. */
final class StatusOperation {

    private final Catalog catalog;
    private final Database database;
    private final JdbcHistory history;

    StatusOperation(Catalog catalog, Database database, JdbcHistory history) {
        this.catalog = catalog;
        this.database = database;
        this.history = history;
    }

    StatusReport run(Optional<Version> requested) throws SQLException {
        Version target = catalog.requireKnown(requested.orElse(catalog.latestVersion()));
        Inspection inspection = new Inspector(database, history).inspect();
        Optional<DatabaseState> state = inspection.state();
        Optional<Version> schema = state.flatMap(DatabaseState::schemaVersion);
        List<String> findings = new ArrayList<>(ChecksumCheck.findings(catalog, inspection.applied()));
        state.filter(s -> !s.product().equals(catalog.product())).ifPresent(s -> findings.add(
                "The database holds product '" + s.product() + "', the catalog is for '" + catalog.product() + "'."));
        schema.filter(v -> v.isNewerThan(catalog.latestVersion())).ifPresent(v -> findings.add(
                "The database (" + v + ") is newer than this catalog (" + catalog.latestVersion() + ")."));
        return new StatusReport(database.server().describe(), database.server().versionText(),
                database.databaseName(), catalog.product(), condition(inspection), schema,
                state.map(DatabaseState::phase), target, catalog.versions(), plannedSteps(inspection, schema, target),
                state.flatMap(DatabaseState::lowestRelease), state.flatMap(DatabaseState::highestRelease),
                interruptedAt(inspection), inspection.applied(), findings, nextAction(inspection, target));
    }

    private static Condition condition(Inspection inspection) {
        if (!inspection.exists()) {
            return Condition.ABSENT;
        }
        if (inspection.isManaged()) {
            return Condition.MANAGED;
        }
        return inspection.isForeign() ? Condition.FOREIGN : Condition.EMPTY;
    }

    private List<String> plannedSteps(Inspection inspection, Optional<Version> schema, Version target) {
        boolean deploying = inspection.state().map(s -> s.phase() == Phase.DEPLOYING).orElse(false);
        if (deploying || (!inspection.isManaged() && !inspection.isForeign())) {
            Version deployTarget = deploying ? inspection.state().get().targetVersion() : target;
            List<String> deploy = new ArrayList<>(List.of("baseline " + catalog.baselineVersion()));
            catalog.stepsBetween(catalog.baselineVersion(), deployTarget).forEach(step -> deploy.add(step.toString()));
            return deploy;
        }
        if (schema.isEmpty() || !catalog.knows(schema.get()) || !schema.get().isOlderThan(target)) {
            return List.of();
        }
        return catalog.stepsBetween(schema.get(), target).stream().map(Step::toString).toList();
    }

    private static Optional<String> interruptedAt(Inspection inspection) {
        return inspection.interrupted().stream().findFirst()
                .map(e -> e.script() + ":" + e.line() + " (statement " + (e.index() + 1) + ", " + e.outcome() + ")");
    }

    private String nextAction(Inspection inspection, Version target) {
        String db = database.databaseName();
        if (!inspection.exists() || (!inspection.isManaged() && !inspection.isForeign())) {
            return "Deploy it: dbcreator deploy --database " + db;
        }
        if (inspection.isForeign()) {
            return "This database holds objects DatabaseCreator does not manage; deploy into another database.";
        }
        DatabaseState state = inspection.state().orElseThrow();
        if (state.phase() == Phase.DEPLOYING) {
            return "Finish the interrupted deploy: dbcreator deploy --database " + db + " --version " + state.targetVersion();
        }
        if (state.phase().isInterruptible()) {
            return "Resume the interrupted " + state.phase().name().toLowerCase() + " run of " + state.targetVersion() + ".";
        }
        Version current = state.schemaVersion().orElseThrow();
        if (state.phase() == Phase.EXPANDED) {
            return "Restart the nodes on " + state.targetVersion() + ", then run the cleanup.";
        }
        if (current.isOlderThan(target)) {
            return "Upgrade from " + current + " to " + target + ".";
        }
        return current.isNewerThan(catalog.latestVersion())
                ? "Use a DatabaseCreator release whose catalog knows " + current + "."
                : "Nothing to do: the database is at " + current + ".";
    }
}
