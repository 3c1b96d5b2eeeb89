package org.dbcreator.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.dbcreator.embedded.EmbeddedServer;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS modes against real servers: one presenting a certificate for db.example.test (and
 * localhost) signed by a CA made in the test, one with TLS switched off, and one with the
 * embedded server's own self-signed certificate.
 */
class TlsIT {

    @TempDir
    static Path temp;

    private static TestCertificates certificates;
    private static EmbeddedServer tlsServer;
    private static EmbeddedServer plainServer;
    private static EmbeddedServer ownCertificateServer;

    @BeforeAll
    static void startServers() throws Exception {
        certificates = TestCertificates.create(temp.resolve("certificates"), "dns:db.example.test", "dns:localhost");
        tlsServer = EmbeddedServer.inFolder(temp.resolve("tls-server"), UserFolders.fromEnvironment(), List.of(
                "--ssl-ca=" + certificates.ca(), "--ssl-cert=" + certificates.serverCertificate(),
                "--ssl-key=" + certificates.serverKey())).start(0);
        plainServer = EmbeddedServer.inFolder(temp.resolve("plain-server"), UserFolders.fromEnvironment(),
                List.of("--skip-ssl")).start(0);
        ownCertificateServer = EmbeddedServer.inFolder(temp.resolve("own-certificate-server"),
                UserFolders.fromEnvironment(), List.of()).start(0);
    }

    @AfterAll
    static void stopServers() {
        if (tlsServer != null) {
            tlsServer.close();
        }
        if (plainServer != null) {
            plainServer.close();
        }
        if (ownCertificateServer != null) {
            ownCertificateServer.close();
        }
    }

    private static ConnectionSettings settings(EmbeddedServer server, String host, TlsMode mode, Path caFile) {
        ConnectionSettings root = server.rootSettings("mysql");
        return new ConnectionSettings(host, root.port(), "mysql", root.user(), root.password(), mode,
                Optional.ofNullable(caFile));
    }

    private static String cipher(Database database) throws Exception {
        try (Connection c = database.serverConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            return rs.next() ? rs.getString(2) : "";
        }
    }

    private static DbCreatorException refusal(ConnectionSettings settings) {
        try (Database unexpected = Database.connect(settings)) {
            throw new AssertionError("connected with " + settings.tlsMode() + " to " + unexpected.server().describe());
        } catch (DbCreatorException e) {
            return e;
        }
    }

    @Test
    void verifyCaWithTheCaFileShouldConnectOverTls() throws Exception {
        try (Database database = Database.connect(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_CA, certificates.ca()))) {
            assertThat(cipher(database)).isNotBlank();
        }
    }

    @Test
    void verifyIdentityShouldConnectWhenTheCertificateNamesTheHost() throws Exception {
        try (Database database = Database.connect(settings(tlsServer, "localhost", TlsMode.VERIFY_IDENTITY, certificates.ca()))) {
            assertThat(cipher(database)).isNotBlank();
        }
    }

    @Test
    void embeddedServersOwnCertificateShouldPassVerifyIdentityFor127001() throws Exception {
        Path ownCertificate = ownCertificateServer.certificate().certificate();

        try (Database database = Database.connect(settings(ownCertificateServer, "127.0.0.1", TlsMode.VERIFY_IDENTITY,
                ownCertificate))) {
            assertThat(cipher(database)).isNotBlank();
        }
    }

    /** The probe's layers, with the connected database closed: only the TLS layer and the certificate are asked about. */
    private static ConnectionProbe.Result probe(ConnectionSettings settings) {
        ConnectionProbe.Result result = ConnectionProbe.run(settings);
        result.database().ifPresent(Database::close);
        return result;
    }

    private static ProbeLayer tlsLayer(ConnectionProbe.Result result) {
        return result.layers().stream().filter(l -> l.layer() == ProbeLayer.Layer.TLS).findFirst().orElseThrow();
    }

    @Test
    void probeShouldShowTheCertificateTrustedUnderVerifyCaWithItsCa() {
        ConnectionProbe.Result result = probe(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_CA, certificates.ca()));

        assertThat(tlsLayer(result).status()).isEqualTo(ProbeLayer.Status.PASSED);
        assertThat(result.certificate()).hasValueSatisfying(c -> {
            assertThat(c.issuer()).isEqualTo("CN=DatabaseCreator Test CA");
            assertThat(c.names()).contains("db.example.test", "localhost");
            assertThat(c.validUntil()).isAfter(java.time.Instant.now());
            assertThat(c.trust()).isEqualTo(PresentedCertificate.Trust.TRUSTED);
        });
        assertThat(result.database()).isPresent();
    }

    @Test
    void probeShouldFailTlsForACertificateOfAnotherHostAsTheDriverDoes() {
        ConnectionSettings settings = settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_IDENTITY, certificates.ca());

        ConnectionProbe.Result result = probe(settings);

        assertThat(tlsLayer(result).status()).isEqualTo(ProbeLayer.Status.FAILED);
        assertThat(tlsLayer(result).failure()).contains(ErrorCode.TLS_FAILED);
        assertThat(result.certificate()).hasValueSatisfying(c -> {
            assertThat(c.trust()).isEqualTo(PresentedCertificate.Trust.NOT_TRUSTED);
            assertThat(c.trustReason()).contains("not 127.0.0.1");
        });
        assertThat(result.layers()).filteredOn(l -> l.layer() == ProbeLayer.Layer.AUTHENTICATED).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(ProbeLayer.Status.SKIPPED));
        assertThat(refusal(settings).code()).as("the driver agrees").isEqualTo(ErrorCode.TLS_FAILED);
    }

    @Test
    void probeShouldNotTrustACertificateAnotherCaSigned() throws Exception {
        TestCertificates strangers = TestCertificates.create(temp.resolve("probe-strangers"), "dns:db.example.test");

        ConnectionProbe.Result result = probe(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_CA, strangers.ca()));

        assertThat(tlsLayer(result).status()).isEqualTo(ProbeLayer.Status.FAILED);
        assertThat(result.certificate()).hasValueSatisfying(c -> assertThat(c.trustReason())
                .contains("issued by 'CN=DatabaseCreator Test CA'", "not a CA in " + strangers.ca()));
    }

    @Test
    void probeUnderRequiredShouldEncryptWithoutCheckingAndWarnWhereTlsIsMissing() {
        ConnectionProbe.Result required = probe(settings(tlsServer, "127.0.0.1", TlsMode.REQUIRED, null));
        ConnectionProbe.Result plain = probe(settings(plainServer, "127.0.0.1", TlsMode.PREFERRED, null));

        assertThat(tlsLayer(required).status()).isEqualTo(ProbeLayer.Status.PASSED);
        assertThat(required.certificate()).hasValueSatisfying(c -> assertThat(c.trust())
                .isEqualTo(PresentedCertificate.Trust.NOT_CHECKED));
        assertThat(tlsLayer(plain).status()).isEqualTo(ProbeLayer.Status.WARNING);
        assertThat(plain.certificate()).isEmpty();
        assertThat(plain.database()).as("PREFERRED goes on unencrypted").isPresent();
    }

    @Test
    void verifyIdentityShouldRefuseACertificateForAnotherHost() {
        DbCreatorException e = refusal(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_IDENTITY, certificates.ca()));

        assertThat(e.code()).isEqualTo(ErrorCode.TLS_FAILED);
        assertThat(e.getMessage()).contains("is for db.example.test, localhost, not 127.0.0.1", "TLS mode VERIFY_CA");
    }

    @Test
    void verifyCaShouldRefuseAServerWhoseCertificateAnotherCaSigned() throws Exception {
        TestCertificates strangers = TestCertificates.create(temp.resolve("strangers"), "dns:db.example.test");

        DbCreatorException e = refusal(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_CA, strangers.ca()));

        assertThat(e.code()).isEqualTo(ErrorCode.TLS_FAILED);
        assertThat(e.getMessage()).contains("issued by 'CN=DatabaseCreator Test CA'", "not a CA in " + strangers.ca());
    }

    @Test
    void requiredShouldRefuseAServerWithoutTls() {
        DbCreatorException e = refusal(settings(plainServer, "127.0.0.1", TlsMode.REQUIRED, null));

        assertThat(e.code()).isEqualTo(ErrorCode.TLS_FAILED);
        assertThat(e.getMessage()).contains("does not offer TLS", "TLS mode REQUIRED requires it");
    }

    @Test
    void preferredShouldFallBackToPlainConnectionsWithoutTls() throws Exception {
        try (Database database = Database.connect(settings(plainServer, "127.0.0.1", TlsMode.PREFERRED, null))) {
            assertThat(cipher(database)).isEmpty();
        }
    }

    @Test
    void verifyCaWithoutCaFileShouldSayToPassTlsCa() {
        DbCreatorException e = refusal(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_CA, null));

        assertThat(e.code()).isEqualTo(ErrorCode.TLS_FAILED);
        assertThat(e.getMessage()).contains("as the CA file");
    }

    @Test
    void caFileThatIsNotACertificateShouldBeRefused() throws Exception {
        DbCreatorException e = refusal(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_CA, certificates.serverKey()));

        assertThat(e.code()).isEqualTo(ErrorCode.TLS_FAILED);
        assertThat(e.getMessage()).contains(certificates.serverKey().toString(), "holds no certificate");
    }

    @Test
    void trustStoreShouldLiveOnlyAsLongAsTheDatabase() throws Exception {
        Path store;
        try (Database database = Database.connect(settings(tlsServer, "127.0.0.1", TlsMode.VERIFY_CA, certificates.ca()))) {
            store = database.trustStoreFile().orElseThrow();
            try (Connection dedicated = database.dedicatedConnection()) {
                assertThat(dedicated.isValid(5)).isTrue();
            }
            assertThat(store).exists();
        }
        assertThat(store).doesNotExist();
        assertThat(Files.exists(certificates.ca())).isTrue();
    }
}
