package org.dbcreator.engine;

import java.nio.file.Path;
import java.util.Optional;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.TlsMode;
import org.dbcreator.embedded.ApplicationAccount;
import org.dbcreator.embedded.DemoFolder;
import org.dbcreator.embedded.EmbeddedServer;

/**
 * A demo server that is up with its database deployed, and how to reach it. Closing it stops the
 * server and frees the demo folder for the next run.
 */
public final class RunningDemo implements AutoCloseable {

    private final DemoFolder folder;
    private final EmbeddedServer server;
    private final DemoFolder.Lock lock;
    private final ApplicationAccount account;
    private final Optional<DeployResult> deployed;
    private final StatusReport status;

    RunningDemo(DemoFolder folder, EmbeddedServer server, DemoFolder.Lock lock, ApplicationAccount account,
            Optional<DeployResult> deployed, StatusReport status) {
        this.folder = folder;
        this.server = server;
        this.lock = lock;
        this.account = account;
        this.deployed = deployed;
        this.status = status;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.port();
    }

    public String database() {
        return status.database();
    }

    public ApplicationAccount account() {
        return account;
    }

    /** The profile file that gives other commands this demo's connection settings. */
    public Path profileFile() {
        return folder.profileFile();
    }

    /** The server's own TLS certificate, to pass with --tls-ca for VERIFY_CA and VERIFY_IDENTITY. */
    public Path certificate() {
        return server.certificate().certificate();
    }

    /** The stock MariaDB client shipped with the server, for evaluators who have none installed. */
    public Path client() {
        return server.binaries().client();
    }

    public Path folder() {
        return folder.path();
    }

    /** What this run's deploy did; empty when the database was left as it was (e.g. mid-upgrade). */
    public Optional<DeployResult> deployed() {
        return deployed;
    }

    public StatusReport status() {
        return status;
    }

    /** Runs {@code task} before the server stops, also when Ctrl-C stops it: clients end cleanly first. */
    public void beforeStop(Runnable task) {
        server.beforeStop(task);
    }

    /** Connection settings for the demo's application account, as a product node would use them. */
    public ConnectionSettings applicationSettings() {
        return new ConnectionSettings(host(), port(), database(), account.user(), account.password(), TlsMode.PREFERRED,
                Optional.empty());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            lock.close();
        }
    }
}
