package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.Privileges;
import org.dbcreator.engine.ProbeReport.Operation;
import org.dbcreator.engine.ProbeReport.OperationAccess;

/**
 * What each operation needs of the account, judged against its grants. Scripts' needs are read off
 * their statements ({@link RequiredPrivileges}); backup and restore need to read or recreate every
 * kind of object, and their proof runs in scratch databases, whose privileges are named with the
 * scratch database's pattern (e.g. "CREATE on dbcreator_verify_%").
 */
final class OperationPrivileges {

    /** Reading every kind of object, plus the tool's tables (history, operator lock). */
    static final Set<String> BACKUP = union(RequiredPrivileges.TOOL_TABLES, Set.of("SHOW VIEW", "TRIGGER", "EVENT"));
    /** Recreating every kind of object, and moving the proved copy in. */
    static final Set<String> RESTORE = union(RequiredPrivileges.TOOL_TABLES, Set.of("ALTER", "DROP", "INDEX", "REFERENCES",
            "CREATE VIEW", "SHOW VIEW", "CREATE ROUTINE", "ALTER ROUTINE", "TRIGGER", "EVENT"));
    private static final Set<String> SCRATCH = Set.of("CREATE", "DROP");
    private static final String VERIFY_SCRATCH = "dbcreator_verify_000000000000";
    private static final String RESTORE_SCRATCH = "dbcreator_restore_000000000000";

    private OperationPrivileges() {}

    /**
     * @param schemaVersion the release the database is at, when managed: upgrade and cleanup are
     *     judged for the steps from there to the latest; else for the whole path from the baseline
     */
    static List<OperationAccess> judge(Connection c, Catalog catalog, String database, Version schemaVersion)
            throws SQLException {
        Set<String> held = Privileges.held(c, database);
        Version latest = catalog.latestVersion();
        List<OperationAccess> access = new ArrayList<>();
        access.add(of(Operation.STATUS, Set.of("SELECT"), held, Set.of()));
        access.add(of(Operation.DEPLOY, RequiredPrivileges.ofPlan(Plans.deploy(catalog, latest, SampleSize.none())), held,
                Set.of()));
        access.add(of(Operation.UPGRADE, RequiredPrivileges.ofPlan(Plans.expand(catalog, schemaVersion, latest)), held,
                Set.of()));
        access.add(of(Operation.CLEANUP, RequiredPrivileges.ofPlan(Plans.cleanup(catalog, schemaVersion, latest)), held,
                Set.of()));
        access.add(of(Operation.BACKUP, BACKUP, held, scratchMissing(c, VERIFY_SCRATCH)));
        access.add(of(Operation.RESTORE, RESTORE, held, scratchMissing(c, RESTORE_SCRATCH)));
        return access;
    }

    private static OperationAccess of(Operation operation, Set<String> needed, Set<String> held, Set<String> scratchMissing) {
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(held);
        missing.addAll(scratchMissing);
        return new OperationAccess(operation, missing.isEmpty(), needed, missing);
    }

    private static Set<String> scratchMissing(Connection c, String scratch) throws SQLException {
        Set<String> missing = new TreeSet<>();
        String pattern = scratch.substring(0, scratch.lastIndexOf('_') + 1) + "%";
        for (String privilege : Privileges.missing(c, scratch, SCRATCH)) {
            missing.add(privilege + " on " + pattern);
        }
        return missing;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
