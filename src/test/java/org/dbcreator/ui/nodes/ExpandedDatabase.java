package org.dbcreator.ui.nodes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.ConnectionRequest;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;

/**
 * A database of its own on the test server, deployed at the demo catalog's oldest release with a
 * few sample rows and expanded to its latest through the engine, as the wizard's Expand leaves it;
 * and a wizard service connected to it, with a navigation that records what the pages ask for.
 */
public final class ExpandedDatabase implements AutoCloseable {

    public static final Catalog CATALOG = Catalog.bundled();
    public static final Version OLD = CATALOG.baselineVersion();
    public static final Version NEW = CATALOG.latestVersion();

    public final TestDatabase db = TestDatabase.unique();
    public final List<Throwable> errors = new ArrayList<>();
    public final List<String> shown = new ArrayList<>();
    public final Navigation navigation = new Navigation() {
        public void showWelcome() { shown.add("welcome"); }
        public void showConnect(Journey journey, Optional<RecentConnection> profile) { shown.add("connect"); }
        public void connected(ConnectedDatabase database) { shown.add("status"); }
        public void startDemo() { }
        public void showError(Throwable failure) { errors.add(failure); }
        public void log(String line) { }
        @Override public void showRestartNodes() { shown.add("restart-nodes"); }
        @Override public void showCleanup() { shown.add("cleanup"); }
        @Override public void showDone() { shown.add("done"); }
    };
    private final List<EngineWizardService> services = new ArrayList<>();

    /** Deploys the oldest release with sample rows and expands it to the latest. */
    public ExpandedDatabase() {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(OLD), new SampleSize(200, SampleSize.DEFAULT_SEED));
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
        }
    }

    /** A wizard service connected to the database as {@code settings}' user. */
    public Connected connect(ConnectionSettings settings, Path home) {
        return connect(settings, home, ProgressListener.NONE);
    }

    /** The same, {@code engineEvents} told of every engine event as it happens (pages see them coalesced). */
    public Connected connect(ConnectionSettings settings, Path home, ProgressListener engineEvents) {
        EngineWizardService service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), engineEvents);
        services.add(service);
        ConnectedDatabase connected = service.connect(new ConnectionRequest(settings.host(), settings.port(),
                settings.database(), settings.user(), settings.password(), settings.tlsMode(), Optional.empty(),
                Optional.empty()));
        return new Connected(service, connected);
    }

    /** Registers a node in the product's registry as a real one would, its heartbeat {@code secondsAgo}. */
    public void node(String name, Version release, String state, int secondsAgo) throws java.sql.SQLException {
        db.execute("INSERT INTO mshost (name, version, state, last_update, created) VALUES ('" + name + "', '" + release
                + "', '" + state + "', NOW(3) - INTERVAL " + secondsAgo + " SECOND, NOW())"
                + " ON DUPLICATE KEY UPDATE version = VALUES(version), state = VALUES(state), last_update = VALUES(last_update)");
    }

    /** The state table's phase and target, as the server holds them: "EXPANDED 4.3.0". */
    public String phase() throws java.sql.SQLException {
        return db.rows("SELECT phase, target_version FROM dbcreator_state WHERE id = 1").get(0).replace(" | ", " ");
    }

    @Override
    public void close() throws Exception {
        services.forEach(EngineWizardService::close);
        db.close();
    }

    public record Connected(EngineWizardService service, ConnectedDatabase database) {}
}
