package org.dbcreator.engine;

import org.dbcreator.catalog.Version;
import org.dbcreator.history.DatabaseState;

/** Decides, from what an inspection found, what moves the database on. Pure: no server, no catalog files. */
final class NextActions {

    private NextActions() {}

    /**
     * @param target the release the operator asked about (default: the catalog's latest)
     * @param nodeRegistry whether the product's nodes register themselves, so the cleanup can check them
     */
    static NextAction of(Inspection inspection, String catalogProduct, Version catalogLatest, Version target,
            boolean nodeRegistry) {
        if (inspection.isForeign()) {
            return new NextAction.DeployElsewhere();
        }
        if (!inspection.isManaged()) {
            return new NextAction.Deploy(target);
        }
        DatabaseState state = inspection.state().orElseThrow();
        if (!state.product().equals(catalogProduct)) {
            return new NextAction.UseCatalogOf(state.product());
        }
        boolean refused = inspection.interruption().map(InterruptedStatement::refused).orElse(false);
        switch (state.phase()) {
            case DEPLOYING -> {
                return new NextAction.Resume(OperationKind.DEPLOY, state.targetVersion(), refused);
            }
            case EXPANDING -> {
                return new NextAction.Resume(OperationKind.UPGRADE, state.targetVersion(), refused);
            }
            case CLEANING -> {
                return new NextAction.Resume(OperationKind.CLEANUP, state.targetVersion(), refused);
            }
            case ROLLING_BACK -> {
                return new NextAction.Resume(OperationKind.ROLLBACK, state.targetVersion(), refused);
            }
            case EXPANDED -> {
                return new NextAction.Cleanup(state.targetVersion(), !nodeRegistry);
            }
            case CLEAN -> { }
        }
        Version current = state.schemaVersion().orElseThrow();
        if (current.isNewerThan(catalogLatest)) {
            return new NextAction.UseMatchingRelease(current);
        }
        return current.isOlderThan(target) ? new NextAction.Upgrade(current, target) : new NextAction.Nothing(current);
    }
}
