package org.dbcreator.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.db.ProbeLayer.Layer;
import org.dbcreator.db.ProbeLayer.Status;
import org.dbcreator.db.ServerInfo;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.ProbeReport;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestCertificates;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect's <em>Test connection</em> against the real server through the current-thread executor:
 * every way a probe fails shows the failed layer and its fix, the layers above it are not asked,
 * nothing is connected, and no failure the probe expects reaches the banner as an exception.
 */
class ConnectViewModelIT {

    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    Path home;

    private final TestDatabase db = TestDatabase.unique();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<ConnectedDatabase> connected = new ArrayList<>();
    private EngineWizardService service;

    private final Navigation navigation = new Navigation() {
        public void showWelcome() { }
        public void showConnect(Journey journey, Optional<RecentConnection> profile) { }
        public void connected(ConnectedDatabase database) { connected.add(database); }
        public void startDemo() { }
        public void showError(Throwable failure) { errors.add(failure); }
        public void log(String line) { }
    };

    @AfterEach
    void drop() throws Exception {
        if (service != null) {
            service.close();
        }
        db.close();
    }

    private ConnectViewModel page(ConnectionSettings settings) {
        service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), ProgressListener.NONE);
        ConnectViewModel page = new ConnectViewModel(service, new CurrentThreadExecutor(), navigation, "cloud");
        page.open(Journey.UPGRADE, Optional.empty());
        page.hostProperty().set(settings.host());
        page.portProperty().set(String.valueOf(settings.port()));
        page.databaseProperty().set(settings.database());
        page.userProperty().set(settings.user());
        page.passwordProperty().set(settings.password().reveal());
        return page;
    }

    /** Runs the probe, and checks what every failed probe shares: one failed layer, the rest above it skipped. */
    private ProbeLayer failedLayer(ConnectViewModel page, Layer expected, ErrorCode code) {
        page.testConnection();
        assertThat(errors).as("an expected failure is a failed layer, not an exception").isEmpty();
        ProbeReport probe = page.probeProperty().get();
        assertThat(probe.passed()).isFalse();
        ProbeLayer failed = probe.firstFailure().orElseThrow();
        assertThat(failed.layer()).isEqualTo(expected);
        assertThat(failed.failure()).contains(code);
        assertThat(failed.fix()).isNotBlank();
        assertThat(probe.layers().stream().dropWhile(l -> l.layer() != expected).skip(1).map(ProbeLayer::status))
                .containsOnly(Status.SKIPPED);
        assertThat(page.testResultProperty().get()).isEqualTo("The " + ConnectViewModel.layerLine(failed)
                .substring(0, ConnectViewModel.layerLine(failed).indexOf(':')) + " layer failed: " + failed.fix());
        assertThat(ConnectViewModel.layerLine(failed)).contains(": failed. " + failed.detail());
        assertThat(page.busyProperty().get()).isFalse();
        page.connect();
        assertThat(connected).as("a connection that failed its probe does not connect").isEmpty();
        errors.clear(); // connect's failure is the banner's, and expected here
        return failed;
    }

    @Test
    void anUnknownHostShouldFailTheReachableLayerWithCheckTheHostName() throws Exception {
        ConnectViewModel page = page(db.admin());
        page.hostProperty().set("no-such-host.invalid");
        assertThat(page.hostError().get()).isEmpty(); // a valid name that nothing resolves
        assertThatThrownBy(() -> java.net.InetAddress.getByName("no-such-host.invalid"))
                .isInstanceOf(java.net.UnknownHostException.class);

        ProbeLayer failed = failedLayer(page, Layer.REACHABLE, ErrorCode.HOST_UNREACHABLE);

        assertThat(failed.detail()).isEqualTo("The host name 'no-such-host.invalid' is unknown.");
        assertThat(page.testResultProperty().get()).isEqualTo("The Reachable layer failed: Check the host name.");
    }

    @Test
    void aClosedPortShouldFailTheReachableLayerAsRefusedAndNameThePort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).as("nothing listens there").isInstanceOf(ConnectException.class);
        ConnectViewModel page = page(db.admin());
        page.hostProperty().set("127.0.0.1");
        page.portProperty().set(String.valueOf(port));

        ProbeLayer failed = failedLayer(page, Layer.REACHABLE, ErrorCode.CONNECTION_REFUSED);

        assertThat(failed.detail()).isEqualTo("The connection to 127.0.0.1:" + port + " was refused.");
        assertThat(page.testResultProperty().get()).isEqualTo("The Reachable layer failed: Check that the server runs and"
                + " listens on port " + port + ", and that no firewall rejects the connection.");
        assertThat(page.probeProperty().get().layer(Layer.TLS)).get().extracting(ProbeLayer::status).isEqualTo(Status.SKIPPED);
    }

    @Test
    void aBadPasswordShouldFailTheSignInLayerAfterReachableAndTls() throws Exception {
        db.create();
        ConnectionSettings user = db.createUser("SELECT");
        assertThat(db.rows("SELECT COUNT(*) FROM mysql.user WHERE user = '" + user.user() + "'")).containsExactly("2");
        ConnectViewModel page = page(user);
        page.passwordProperty().set("not-" + user.password().reveal());

        ProbeLayer failed = failedLayer(page, Layer.AUTHENTICATED, ErrorCode.AUTHENTICATION_FAILED);

        ProbeReport probe = page.probeProperty().get();
        assertThat(probe.layer(Layer.REACHABLE)).get().extracting(ProbeLayer::status).isEqualTo(Status.PASSED);
        assertThat(probe.layer(Layer.TLS)).get().extracting(ProbeLayer::status).isIn(Status.PASSED, Status.WARNING);
        assertThat(failed.detail()).contains(user.user());
        assertThat(page.testResultProperty().get()).isEqualTo("The Signed in layer failed: Check the user name and password,"
                + " and that the account may connect from this host.");
        assertThat(String.join("\n", page.testResultProperty().get(), failed.detail()))
                .doesNotContain(user.password().reveal());
    }

    @Test
    void tlsTheServerDoesNotOfferOrWhoseCertificateIsNotTrustedShouldFailTheTlsLayer() throws Exception {
        db.create();
        boolean serverHasTls = db.rows("SELECT @@have_ssl").get(0).equals("YES");
        ConnectViewModel page = page(db.admin());
        if (!serverHasTls) { // Debian's 10.11 as installed: have_ssl DISABLED
            page.tlsModeProperty().set(TlsMode.REQUIRED);

            ProbeLayer failed = failedLayer(page, Layer.TLS, ErrorCode.TLS_FAILED);

            assertThat(failed.detail()).contains("offers no TLS").contains("TLS mode REQUIRED requires it.");
            assertThat(page.testResultProperty().get()).isEqualTo("The TLS layer failed: Enable TLS on the server (ssl-cert"
                    + " and ssl-key), or choose TLS mode PREFERRED to accept an unencrypted connection.");
            assertThat(page.probeProperty().get().certificate()).isEmpty();
        } else { // a server with TLS: a CA that did not sign its certificate is not trusted
            TestCertificates other = TestCertificates.create(home.resolve("other-ca"), "dns:localhost");
            page.tlsModeProperty().set(TlsMode.VERIFY_CA);
            page.caFileProperty().set(other.ca().toString());

            ProbeLayer failed = failedLayer(page, Layer.TLS, ErrorCode.TLS_FAILED);

            assertThat(page.probeProperty().get().certificate()).get().extracting(c -> c.trust())
                    .isEqualTo(org.dbcreator.db.PresentedCertificate.Trust.NOT_TRUSTED);
            assertThat(failed.fix()).startsWith("Give the CA that signed the server's certificate");
        }
    }

    @Test
    void anAccountThatMayWriteButNotReadShouldFailTheDatabaseLayerWithGrantSelect() throws Exception {
        deploy();
        ConnectionSettings writer = db.createUser("INSERT"); // may write rows, may not read them
        assertThat(String.join(" ", db.rows("SHOW GRANTS FOR '" + writer.user() + "'@'%'")))
                .contains("GRANT INSERT ON").doesNotContain("SELECT");
        ConnectViewModel page = page(writer);

        page.testConnection();

        assertThat(errors).isEmpty();
        ProbeReport probe = page.probeProperty().get();
        assertThat(probe.layer(Layer.AUTHENTICATED)).get().extracting(ProbeLayer::status).isEqualTo(Status.PASSED);
        ProbeLayer failed = probe.firstFailure().orElseThrow();
        assertThat(failed.layer()).isEqualTo(Layer.DATABASE);
        assertThat(failed.failure()).contains(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(failed.detail()).contains("SELECT command denied").contains("dbcreator_state");
        assertThat(page.testResultProperty().get()).isEqualTo("The Database layer failed: Grant SELECT on `" + db.name()
                + "` to user '" + writer.user() + "', or connect as a user who has it.");
    }

    @Test
    void anAccountWithoutAnyGrantOnTheDatabaseShouldFailThePrivilegesLayerNotTheSignIn() throws Exception {
        deploy();
        ConnectionSettings nobody = db.createUser(""); // USAGE only: signs in, but may not use the database
        assertThat(String.join(" ", db.rows("SHOW GRANTS FOR '" + nobody.user() + "'@'%'")))
                .contains("GRANT USAGE ON *.*").doesNotContain(db.name());
        ConnectViewModel page = page(nobody);

        page.testConnection();

        assertThat(errors).isEmpty();
        ProbeReport probe = page.probeProperty().get();
        assertThat(probe.layer(Layer.AUTHENTICATED)).get().extracting(ProbeLayer::status).isEqualTo(Status.PASSED);
        ProbeLayer failed = probe.firstFailure().orElseThrow();
        assertThat(failed.layer()).isEqualTo(Layer.PRIVILEGES);
        assertThat(failed.failure()).contains(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(failed.detail()).startsWith("The account may run no operation; not status (lacks SELECT)");
        assertThat(ConnectViewModel.journeyAccess(probe, Journey.UPGRADE)).noneMatch(ProbeReport.OperationAccess::allowed);
        assertThat(page.testResultProperty().get()).isEqualTo("The Privileges layer failed: Grant what is missing on `"
                + db.name() + "` to user '" + nobody.user() + "', or connect as a user who has it.");
    }

    @Test
    void theAdminShouldPassEveryLayerTheServerAllowsAndConnect() throws Exception {
        deploy();
        boolean serverHasTls = db.rows("SELECT @@have_ssl").get(0).equals("YES");
        ConnectViewModel page = page(db.admin());

        page.testConnection();

        assertThat(errors).isEmpty();
        ProbeReport probe = page.probeProperty().get();
        assertThat(probe.passed()).isTrue();
        assertThat(probe.firstFailure()).isEmpty();
        assertThat(probe.account()).contains(db.rows("SELECT CURRENT_USER()").get(0));
        assertThat(probe.server()).contains(ServerInfo.parse(db.rows("SELECT VERSION()").get(0)).describe());
        assertThat(probe.layer(Layer.DATABASE)).get().satisfies(l -> assertThat(l.detail()).contains(
                db.rows("SELECT CONCAT(schema_version, ', ', phase) FROM dbcreator_state").get(0)));
        assertThat(ConnectViewModel.journeyAccess(probe, Journey.UPGRADE)).allMatch(ProbeReport.OperationAccess::allowed);
        if (serverHasTls) {
            assertThat(probe.layers()).extracting(ProbeLayer::status).containsOnly(Status.PASSED);
            assertThat(page.testResultProperty().get()).isEqualTo("Connected to " + probe.server().get() + " as "
                    + probe.account().get() + ": every layer passed.");
        } else {
            assertThat(probe.layers()).filteredOn(l -> l.status() != Status.PASSED).extracting(ProbeLayer::layer)
                    .containsExactly(Layer.TLS);
            assertThat(page.testResultProperty().get()).isEqualTo("Connected to " + probe.server().get() + " as "
                    + probe.account().get() + ", with a warning on: TLS (see below).");
        }
        page.connect();
        assertThat(errors).isEmpty();
        assertThat(connected).singleElement().satisfies(c -> {
            assertThat(c.database()).isEqualTo(db.name());
            assertThat(c.user()).isEqualTo(db.admin().user());
        });
    }

    private void deploy() {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()));
        }
    }
}
