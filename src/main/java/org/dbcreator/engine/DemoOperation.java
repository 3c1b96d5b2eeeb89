package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Identifiers;
import org.dbcreator.embedded.ApplicationAccount;
import org.dbcreator.embedded.DemoFolder;
import org.dbcreator.embedded.EmbeddedServer;
import org.dbcreator.embedded.ServerBinaries;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Starts the evaluator's demo: the embedded server in the demo folder, an application account,
 * the demo database deployed (or left as the previous run left it), and a connection profile for
 * the other commands. A second demo on the same folder is refused before anything changes.
 */
final class DemoOperation {

    private final DemoRequest request;
    private final ProgressListener listener;
    private final Cancellation cancellation;

    DemoOperation(DemoRequest request, ProgressListener listener, Cancellation cancellation) {
        this.request = request;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    RunningDemo run() {
        refuseBadRequest();
        DemoFolder folder = DemoFolder.of(request.folders());
        DemoFolder.Lock lock = folder.lock();
        try {
            if (request.reset()) {
                folder.reset();
                notice("Deleted the demo's data in " + folder.path() + "; starting over.");
            }
            DemoFolder.PortChoice port = folder.choosePort(request.port());
            port.note().ifPresent(this::notice);
            if (!ServerBinaries.isUnpackedIn(request.folders().cache())) {
                notice("Unpacking the embedded MariaDB " + ServerBinaries.VERSION + " into " + request.folders().cache()
                        + " (once; about 400 MB) ...");
            }
            cancellation.throwIfCancelled();
            notice("Starting the embedded server in " + folder.path() + " ...");
            EmbeddedServer server = EmbeddedServer.inFolder(folder.path(), request.folders(), List.of()).start(port.port());
            try {
                folder.rememberPort(server.port());
                cancellation.throwIfCancelled(); // the server stops again, as below
                return prepare(folder, server, lock);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** What can be checked without the server is checked before the folder is touched (a reset is final). */
    private void refuseBadRequest() {
        Catalog catalog = request.catalog();
        request.version().ifPresent(catalog::requireKnown);
        if (request.rows().orElse(0) > 0 && catalog.manifest().baseline().sampleDataClass().isEmpty()) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The catalog of " + catalog.product()
                    + " has no sample data generator, so a sample of " + request.rows().getAsLong() + " rows cannot be"
                    + " loaded; ask for none.");
        }
    }

    private RunningDemo prepare(DemoFolder folder, EmbeddedServer server, DemoFolder.Lock lock) {
        Catalog catalog = request.catalog();
        String database = catalog.manifest().defaultDatabase();
        ConnectionSettings root = server.rootSettings(database);
        ApplicationAccount account = ApplicationAccount.in(folder, accountName(catalog));
        try (DbCreator admin = DbCreator.connect(catalog, root, ProgressListener.NONE)) {
            notice("Server " + admin.database().server().describe() + " on 127.0.0.1:" + server.port());
            try (Connection c = admin.database().serverConnection()) {
                account.grantAllOn(c, database);
            }
        } catch (SQLException e) {
            throw Failures.ofOperation(e, root.user(), database);
        }
        // Deployed by the account that will run the product, so that its views, routines and triggers are
        // defined by it: that account can then restore its own backups (a DEFINER of root it could not).
        try (DbCreator engine = DbCreator.connect(catalog, root.withUser(account.user(), account.password()), listener)) {
            Optional<DeployResult> deployed = deploy(engine);
            folder.writeProfile(ConnectionProfile.of(folder.profileFile(), "127.0.0.1", server.port(), database,
                    account.user(), account.passwordFile()));
            return new RunningDemo(folder, server, lock, account, deployed, engine.status(Optional.empty()));
        } catch (SQLException e) {
            throw Failures.ofOperation(e, account.user(), database);
        }
    }

    /**
     * Deploys the release asked for; without one, a fresh database gets the baseline and a
     * deployed one stays at its version, so a second run (or one in the middle of an upgrade the
     * evaluator is trying) changes nothing.
     */
    private Optional<DeployResult> deploy(DbCreator engine) throws SQLException {
        Catalog catalog = engine.catalog();
        Optional<DatabaseState> state = new Inspector(engine.database(), new JdbcHistory(engine.database().databaseName())).inspect().state();
        if (request.version().isPresent()) {
            return Optional.of(engine.deploy(request.version(), sample(catalog, state), cancellation));
        }
        if (state.isEmpty()) {
            return Optional.of(engine.deploy(Optional.of(catalog.baselineVersion()), sample(catalog, state), cancellation));
        }
        DatabaseState current = state.get();
        if (request.rows().orElse(0) > 0 && current.phase() != Phase.DEPLOYING) {
            notice("The demo database exists already and keeps its data: sample rows are loaded into a fresh one"
                    + " (reset the demo to start over).");
        }
        if (current.phase() == Phase.DEPLOYING) {
            return Optional.of(engine.deploy(Optional.of(current.targetVersion()), SampleSize.none(), cancellation));
        }
        if (current.phase() == Phase.CLEAN && current.schemaVersion().isPresent()) {
            return Optional.of(engine.deploy(current.schemaVersion(), SampleSize.none(), cancellation));
        }
        notice("Database '" + engine.database().databaseName() + "' is " + current.phase() + " ("
                + current.schemaVersion().map(Version::toString).orElse("?") + " to " + current.targetVersion()
                + "): left as it is.");
        return Optional.empty();
    }

    private SampleSize sample(Catalog catalog, Optional<DatabaseState> state) {
        if (request.rows().isPresent()) {
            return new SampleSize(request.rows().getAsLong(), request.seed());
        }
        if (catalog.manifest().baseline().sampleDataClass().isPresent()) {
            return new SampleSize(DemoRequest.DEFAULT_ROWS, request.seed());
        }
        if (state.isEmpty()) {
            notice("The catalog of " + catalog.product() + " has no sample data generator: the demo database starts"
                    + " without sample rows.");
        }
        return SampleSize.none();
    }

    /** The product's name when it makes a valid account name (democloud), else "demo". */
    private static String accountName(Catalog catalog) {
        String product = catalog.product();
        return Identifiers.isValid(product) && product.length() <= 32 ? product : "demo";
    }

    private void notice(String message) {
        listener.onEvent(new ProgressEvent.Notice(message));
    }
}
