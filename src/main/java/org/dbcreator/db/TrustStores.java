package org.dbcreator.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Properties;
import java.util.UUID;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The driver checks certificates against a key store, while operators hold a PEM CA file; this
 * turns one into the other in a private temporary file.
 */
final class TrustStores {

    private TrustStores() {}

    static void configure(Properties driverProperties, ConnectionSettings settings) {
        Path caFile = settings.caFile().orElseThrow(() -> new DbCreatorException(ErrorCode.TLS_FAILED,
                "TLS mode " + settings.tlsMode() + " needs the CA certificate: give it with --tls-ca FILE."));
        String storePassword = UUID.randomUUID().toString();
        Path store = pkcs12From(caFile, storePassword);
        driverProperties.setProperty("trustCertificateKeyStoreUrl", store.toUri().toString());
        driverProperties.setProperty("trustCertificateKeyStoreType", "PKCS12");
        driverProperties.setProperty("trustCertificateKeyStorePassword", storePassword);
    }

    private static Path pkcs12From(Path caFile, String storePassword) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new DbCreatorException(ErrorCode.TLS_FAILED, caFile + " holds no certificate.");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            Path file = Files.createTempFile("dbcreator-trust", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, storePassword.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new DbCreatorException(ErrorCode.TLS_FAILED,
                    "Cannot read the CA certificate " + caFile + ": " + e.getMessage() + ".", e);
        }
    }
}
