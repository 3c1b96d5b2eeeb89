package org.dbcreator.engine;

import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.progress.ProgressListener;

/** Engine calls as an operator makes them, one connection each, for the integration tests. */
final class Operator {

    private final Catalog catalog;
    private final ConnectionSettings settings;

    Operator(Catalog catalog, ConnectionSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    DeployResult deploy(String version, SampleSize sample) {
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            return engine.deploy(Optional.ofNullable(version).map(Version::parse), sample);
        }
    }

    /** An upgrade whose backup question is settled elsewhere: these tests are about the schema, not the backup. */
    UpgradeResult upgrade(ProgressListener listener) {
        return upgrade(listener, BackupPolicy.skip());
    }

    UpgradeResult upgrade(ProgressListener listener, BackupPolicy backup) {
        try (DbCreator engine = DbCreator.connect(catalog, settings, listener)) {
            return engine.upgrade(Optional.empty(), false, backup);
        }
    }

    UpgradeResult dryRunUpgrade() {
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            return engine.upgrade(Optional.empty(), true);
        }
    }

    UpgradeResult dryRunUpgrade(BackupPolicy backup) {
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            return engine.upgrade(Optional.empty(), true, backup);
        }
    }

    UpgradeResult cleanup(ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(catalog, settings, listener)) {
            return engine.cleanup(CleanupRequest.withConfirmation());
        }
    }

    UpgradeResult cleanup(CleanupRequest request, ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(catalog, settings, listener)) {
            return engine.cleanup(request);
        }
    }

    StatusReport status() {
        try (DbCreator engine = DbCreator.connect(catalog, settings, ProgressListener.NONE)) {
            return engine.status(Optional.empty());
        }
    }
}
