package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.db.ProbeLayer.Layer;
import org.dbcreator.db.ProbeLayer.Status;
import org.dbcreator.db.Secret;
import org.dbcreator.db.ServerInfo;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.ProbeReport.Operation;
import org.dbcreator.engine.ProbeReport.OperationAccess;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probe answers layer by layer against the test server, and never throws for what it expects. */
@ExtendWith(TestDatabaseExtension.class)
class ProbeIT {

    private static final Catalog CATALOG = Catalog.bundled();

    /** What the server answers to a query of one value, asked without a default database. */
    private static String ask(TestDatabase db, String sql) throws SQLException {
        try (java.sql.Connection c = db.server().adminConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static ProbeLayer layer(ProbeReport report, Layer layer) {
        return report.layer(layer).orElseThrow();
    }

    private static void assertSkippedFrom(ProbeReport report, Layer first) {
        assertThat(report.layers().stream().dropWhile(l -> l.layer() != first).map(ProbeLayer::status))
                .isNotEmpty().containsOnly(Status.SKIPPED);
    }

    @Test
    void aPortNobodyListensOnShouldFailAtReachableAndSkipTheRest(TestDatabase db) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ConnectionSettings admin = db.admin();
        ProbeReport report = DbCreator.probe(CATALOG, new ConnectionSettings("127.0.0.1", port, db.name(), admin.user(),
                admin.password(), TlsMode.PREFERRED, Optional.empty()));

        assertThat(layer(report, Layer.REACHABLE).status()).isEqualTo(Status.FAILED);
        assertThat(layer(report, Layer.REACHABLE).failure()).contains(ErrorCode.CONNECTION_REFUSED);
        assertThat(layer(report, Layer.REACHABLE).fix()).isNotBlank();
        assertSkippedFrom(report, Layer.TLS);
        assertThat(report.layers()).extracting(ProbeLayer::layer).containsExactly(Layer.values());
        assertThat(report.firstFailure().map(ProbeLayer::layer)).contains(Layer.REACHABLE);
    }

    @Test
    void anUnknownHostShouldFailAtReachable(TestDatabase db) {
        ProbeReport report = DbCreator.probe(CATALOG, new ConnectionSettings("no-such-host.invalid", 3306, db.name(),
                "root", Secret.of(""), TlsMode.PREFERRED, Optional.empty()));

        assertThat(layer(report, Layer.REACHABLE).failure()).contains(ErrorCode.HOST_UNREACHABLE);
        assertSkippedFrom(report, Layer.TLS);
    }

    @Test
    void aWrongPasswordShouldFailAtAuthenticatedAfterReachableAndTls(TestDatabase db) throws SQLException {
        ProbeReport report = DbCreator.probe(CATALOG, db.admin().withUser(db.admin().user(), Secret.of("wrong-password")));

        assertThat(layer(report, Layer.REACHABLE).status()).isEqualTo(Status.PASSED);
        assertThat(layer(report, Layer.REACHABLE).took()).isPresent();
        assertThat(layer(report, Layer.TLS).status()).isIn(Status.PASSED, Status.WARNING);
        assertThat(layer(report, Layer.AUTHENTICATED).failure()).contains(ErrorCode.AUTHENTICATION_FAILED);
        assertSkippedFrom(report, Layer.SERVER_RELEASE);
    }

    @Test
    void tlsShouldBeJudgedAsTheServerOffersIt(TestDatabase db) throws SQLException {
        boolean serverHasTls = ask(db, "SELECT @@have_ssl").equals("YES");
        ConnectionSettings admin = db.admin();
        ConnectionSettings required = new ConnectionSettings(admin.host(), admin.port(), db.name(), admin.user(),
                admin.password(), TlsMode.REQUIRED, Optional.empty());

        ProbeReport preferred = DbCreator.probe(CATALOG, admin.tlsMode() == TlsMode.PREFERRED ? admin
                : new ConnectionSettings(admin.host(), admin.port(), db.name(), admin.user(), admin.password(),
                        TlsMode.PREFERRED, Optional.empty()));
        ProbeReport requiring = DbCreator.probe(CATALOG, required);

        if (serverHasTls) {
            assertThat(layer(requiring, Layer.TLS).status()).isEqualTo(Status.PASSED);
            assertThat(requiring.certificate()).hasValueSatisfying(c -> assertThat(c.trust())
                    .isEqualTo(org.dbcreator.db.PresentedCertificate.Trust.NOT_CHECKED));
        } else {
            assertThat(layer(preferred, Layer.TLS).status()).isEqualTo(Status.WARNING);
            assertThat(layer(preferred, Layer.TLS).detail()).contains("offers no TLS");
            assertThat(layer(preferred, Layer.AUTHENTICATED).status()).isEqualTo(Status.PASSED);
            assertThat(layer(requiring, Layer.TLS).status()).isEqualTo(Status.FAILED);
            assertThat(layer(requiring, Layer.TLS).failure()).contains(ErrorCode.TLS_FAILED);
            assertThat(requiring.certificate()).isEmpty();
            assertSkippedFrom(requiring, Layer.AUTHENTICATED);
            assertThatThrownBy(() -> DbCreator.connect(CATALOG, required, ProgressListener.NONE).close())
                    .as("the probe agrees with a real connection").isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TLS_FAILED));
        }
    }

    @Test
    void anAbsentDatabaseShouldBeAWarningAndTheAdminMayRunEverything(TestDatabase db) throws SQLException {
        Footprint before = Footprint.of(db);

        ProbeReport report = DbCreator.probe(CATALOG, db.admin());

        assertThat(report.passed()).isTrue();
        assertThat(layer(report, Layer.AUTHENTICATED).status()).isEqualTo(Status.PASSED);
        assertThat(report.account()).contains(ask(db, "SELECT CURRENT_USER()"));
        assertThat(report.server()).contains(ServerInfo.parse(ask(db, "SELECT VERSION()")).describe());
        assertThat(layer(report, Layer.SERVER_RELEASE).status()).isEqualTo(Status.PASSED);
        assertThat(layer(report, Layer.DATABASE).status()).isEqualTo(Status.WARNING);
        assertThat(layer(report, Layer.DATABASE).failure()).contains(ErrorCode.DATABASE_NOT_FOUND);
        assertThat(report.operations()).extracting(OperationAccess::operation).containsExactly(Operation.values());
        assertThat(report.operations()).allSatisfy(a -> assertThat(a.allowed()).as(a.operation().name()).isTrue());
        assertThat(Footprint.of(db)).as("the probe changes nothing").isEqualTo(before);
    }

    @Test
    void aSelectOnlyUserMayRunStatusOnlyAsTheEngineAgrees(TestDatabase db) throws SQLException {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()));
        }
        ConnectionSettings readOnly = db.createUser("SELECT");

        ProbeReport report = DbCreator.probe(CATALOG, readOnly);

        assertThat(layer(report, Layer.DATABASE).status()).isEqualTo(Status.PASSED);
        assertThat(layer(report, Layer.DATABASE).detail()).contains("managed", "4.0.0", "CLEAN");
        assertThat(layer(report, Layer.PRIVILEGES).status()).isEqualTo(Status.WARNING);
        assertThat(layer(report, Layer.PRIVILEGES).failure()).contains(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(report.operations()).filteredOn(OperationAccess::allowed).extracting(OperationAccess::operation)
                .containsExactly(Operation.STATUS);
        assertThat(report.operations()).filteredOn(a -> a.operation() == Operation.UPGRADE).singleElement()
                .satisfies(a -> assertThat(a.missing()).contains("INSERT", "ALTER"));
        try (DbCreator engine = DbCreator.connect(CATALOG, readOnly, ProgressListener.NONE)) {
            engine.status(Optional.empty());
            assertThatThrownBy(() -> engine.upgrade(Optional.empty(), false, BackupPolicy.skip()))
                    .as("the engine refuses what the probe says is not allowed")
                    .isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES));
        }
    }

    @Test
    void anInvalidDatabaseNameShouldFailAtTheDatabaseLayerOnly(TestDatabase db) {
        ProbeReport report = DbCreator.probe(CATALOG, db.admin().withDatabase("no-such name"));

        assertThat(layer(report, Layer.AUTHENTICATED).status()).isEqualTo(Status.PASSED);
        assertThat(layer(report, Layer.DATABASE).failure()).contains(ErrorCode.INVALID_IDENTIFIER);
        assertThat(layer(report, Layer.PRIVILEGES).status()).isEqualTo(Status.SKIPPED);
    }
}
