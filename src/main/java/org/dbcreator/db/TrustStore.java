package org.dbcreator.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Properties;
import java.util.UUID;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The driver checks certificates against a key store, while operators hold a PEM CA file; this
 * turns one into the other in a private temporary file (owner-only, as temporary files are),
 * which lives as long as the {@link Database} that uses it.
 */
final class TrustStore implements AutoCloseable {

    private final Path file;
    private final String password;

    private TrustStore(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    /** Builds the store from the settings' CA file; refuses a verifying mode without one. */
    static TrustStore from(ConnectionSettings settings) {
        Path caFile = settings.caFile().orElseThrow(() -> new DbCreatorException(ErrorCode.TLS_FAILED,
                "TLS mode " + settings.tlsMode() + " checks the server's certificate against a CA, and none was"
                        + " given: give the CA certificate (PEM) as the CA file, or use TLS mode REQUIRED"
                        + " to encrypt without checking."));
        String password = UUID.randomUUID().toString();
        return new TrustStore(pkcs12From(caFile, password), password);
    }

    void configure(Properties driverProperties) {
        driverProperties.setProperty("trustCertificateKeyStoreUrl", file.toUri().toString());
        driverProperties.setProperty("trustCertificateKeyStoreType", "PKCS12");
        driverProperties.setProperty("trustCertificateKeyStorePassword", password);
        // Trust the given CA only: a certificate from any public CA must not pass as the operator's.
        driverProperties.setProperty("fallbackToSystemTrustStore", "false");
    }

    Path file() {
        return file;
    }

    private static Path pkcs12From(Path caFile, String storePassword) {
        Collection<? extends Certificate> certificates = readCertificates(caFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            Path file = Files.createTempFile("dbcreator-trust", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, storePassword.toCharArray());
            } catch (IOException | GeneralSecurityException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new DbCreatorException(ErrorCode.TLS_FAILED, "Cannot prepare the trust store for " + caFile
                    + " in the temporary folder: " + e.getMessage() + ".", e);
        }
    }

    static Collection<? extends Certificate> readCertificates(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw notACertificate(caFile, null);
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new DbCreatorException(ErrorCode.TLS_FAILED, "The CA file " + caFile + " does not exist.", e);
        } catch (CertificateException e) {
            throw notACertificate(caFile, e);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.TLS_FAILED, "The CA file " + caFile + " cannot be read: "
                    + e.getMessage() + ".", e);
        }
    }

    private static DbCreatorException notACertificate(Path caFile, Exception cause) {
        return new DbCreatorException(ErrorCode.TLS_FAILED, "The CA file " + caFile + " holds no certificate: it"
                + " should be PEM text starting with '-----BEGIN CERTIFICATE-----' (the CA's certificate, not a key).",
                cause);
    }

    /** Deletes the file; called when the database closes, as the pool may open connections until then. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit(); // a leftover store holds only a public certificate
        }
    }
}
