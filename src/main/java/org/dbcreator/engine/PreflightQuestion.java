package org.dbcreator.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.history.DatabaseState;

/**
 * The pre-flight checks of any operation, asked without running it (the wizard's status page):
 * read-only, so a SELECT-only account gets its answer, and nothing is written, locked or created.
 */
final class PreflightQuestion extends EngineOperation {

    /** What any backup reads; views, routines and triggers may need more (SHOW VIEW, TRIGGER...). */
    static final Set<String> BACKUP_PRIVILEGES = Set.of("SELECT");

    /** What any restore does: create the database and its tables, load rows, drop what it replaces. */
    static final Set<String> RESTORE_PRIVILEGES = Set.of("CREATE", "DROP", "INSERT");

    PreflightQuestion(OperationContext context) {
        super(context);
    }

    PreflightReport ask(OperationKind operation, Optional<Version> target) throws SQLException {
        return switch (operation) {
            case DEPLOY -> deploy(target);
            case UPGRADE -> new UpgradeOperation(context.quiet()).checks(target, BackupPolicy.defaults());
            case CLEANUP -> new CleanupOperation(context.quiet()).checks(CleanupRequest.preview());
            case ROLLBACK -> new RollbackOperation(context.quiet()).checks(new RollbackRequest(target, true, Set.of(),
                    false));
            case BACKUP -> backup();
            case RESTORE -> restore();
        };
    }

    private PreflightReport deploy(Optional<Version> requested) throws SQLException {
        Version target = catalog.requireKnown(requested.orElse(catalog.latestVersion()));
        Preflight preflight = new Preflight(database, catalog);
        List<PreflightCheck> checks = new ArrayList<>(List.of(preflight.server(),
                preflight.privileges(RequiredPrivileges.ofPlan(Plans.deploy(catalog, target, SampleSize.none())))));
        Optional<Inspection> inspection = inspect(checks);
        if (inspection.isPresent()) {
            checks.add(preflight.checksums(inspection.get()));
            checks.add(DeployOperation.stateCheck(inspection.get(), target, database.databaseName(), catalog.product(),
                    catalog.latestVersion()));
        }
        checks.add(preflight.lock());
        return new PreflightReport(OperationKind.DEPLOY, checks);
    }

    private PreflightReport backup() throws SQLException {
        Preflight preflight = new Preflight(database, catalog);
        List<PreflightCheck> checks = new ArrayList<>(List.of(preflight.server(), preflight.privileges(BACKUP_PRIVILEGES)));
        inspect(checks).ifPresent(inspection -> checks.add(inspection.exists()
                ? PreflightCheck.green(PreflightCheck.Id.DATABASE_STATE, "'" + database.databaseName() + "' exists"
                        + inspection.state().map(s -> " (" + describe(s) + ")").orElse("") + ".")
                : PreflightCheck.red(PreflightCheck.Id.DATABASE_STATE, "There is no database '" + database.databaseName()
                        + "' to back up.", org.dbcreator.error.ErrorCode.DATABASE_NOT_FOUND)));
        List<String> missing = List.copyOf(VerifiedBackup.missingScratchPrivileges(database));
        checks.add(missing.isEmpty()
                ? PreflightCheck.green(PreflightCheck.Id.RESTORE_TEST, "The user may create and drop the scratch"
                        + " databases (" + VerifiedBackup.SCRATCH_GRANT + ") the restore test proves the backup in.")
                : PreflightCheck.amber(PreflightCheck.Id.RESTORE_TEST, "The user lacks " + String.join(" and ", missing)
                        + " on the scratch databases (" + VerifiedBackup.SCRATCH_GRANT + "): the backup cannot be"
                        + " proved restorable.", new NextAction.Grant(Set.of("ALL"), VerifiedBackup.SCRATCH_PATTERN),
                        new NextAction.SkipRestoreTest()));
        checks.add(preflight.lock());
        checks.add(preflight.longTransactions()); // the backup's brief lock waits behind them too
        return new PreflightReport(OperationKind.BACKUP, checks);
    }

    private PreflightReport restore() throws SQLException {
        Preflight preflight = new Preflight(database, catalog);
        List<PreflightCheck> checks = new ArrayList<>(List.of(preflight.server(), preflight.privileges(RESTORE_PRIVILEGES)));
        inspect(checks).ifPresent(inspection -> checks.add(restoreTarget(inspection)));
        checks.add(preflight.lock());
        return new PreflightReport(OperationKind.RESTORE, checks);
    }

    private PreflightCheck restoreTarget(Inspection inspection) {
        String name = database.databaseName();
        if (!inspection.exists()) {
            return PreflightCheck.green(PreflightCheck.Id.RESTORE_TARGET, "'" + name + "' is absent; a restore creates it.");
        }
        if (inspection.state().isPresent()) {
            return PreflightCheck.amber(PreflightCheck.Id.RESTORE_TARGET, "'" + name + "' holds the product's database ("
                    + describe(inspection.state().get()) + "); a restore replaces all of it, or restores elsewhere.",
                    new NextAction.RestoreReplacing(name));
        }
        return inspection.productObjects().isEmpty()
                ? PreflightCheck.green(PreflightCheck.Id.RESTORE_TARGET, "'" + name + "' is empty.")
                : PreflightCheck.amber(PreflightCheck.Id.RESTORE_TARGET, "'" + name + "' holds "
                        + inspection.productObjects().size() + " objects; a restore replaces all of them, or restores"
                        + " elsewhere.", new NextAction.RestoreReplacing(name));
    }

    /** The inspection; when the database refuses it (e.g. a half-finished restore), a red check says why. */
    private Optional<Inspection> inspect(List<PreflightCheck> checks) throws SQLException {
        try {
            return Optional.of(new Inspector(database, history).inspect());
        } catch (DbCreatorException refused) {
            checks.add(new PreflightCheck(PreflightCheck.Id.DATABASE_STATE, PreflightCheck.Verdict.RED,
                    refused.getMessage(), refused.fix().stream().filter(NextAction.class::isInstance)
                            .map(NextAction.class::cast).toList(), Optional.of(refused.code())));
            return Optional.empty();
        }
    }

    private static String describe(DatabaseState s) {
        return s.product() + ", " + s.phase() + s.schemaVersion().map(v -> " at " + v).orElse("");
    }
}
