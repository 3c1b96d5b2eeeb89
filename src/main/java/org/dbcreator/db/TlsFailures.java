package org.dbcreator.db;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Explains why TLS failed in the operator's terms: which name the certificate carries, which CA
 * signed it, or that the server offers no TLS at all; and what to change.
 */
final class TlsFailures {

    private TlsFailures() {}

    static DbCreatorException explain(Throwable tlsFailure, Throwable whole, ConnectionSettings settings) {
        String where = settings.host() + ":" + settings.port();
        String driverSays = ConnectionFailures.sentence(ConnectionFailures.rootMessage(tlsFailure));
        String lower = driverSays.toLowerCase();
        String message;
        if (lower.contains("required, but not provided by server")) {
            message = "The server at " + where + " does not offer TLS, and TLS mode " + settings.tlsMode()
                    + " requires it. Enable TLS on the server (ssl-cert and ssl-key), or connect with TLS mode"
                    + " PREFERRED to accept an unencrypted connection.";
        } else if (lower.contains("identity verification failed") || lower.contains("subject alternative name")) {
            message = identityMismatch(where, settings).orElse("The server's certificate does not name '"
                    + settings.host() + "' (" + driverSays + ").") + " Connect to a host name the"
                    + " certificate holds, or use TLS mode VERIFY_CA to check the CA but not the name.";
        } else if (lower.contains("does not chain") || lower.contains("certification path")) {
            message = unknownIssuer(where, settings) + " Give the CA that signed the server's certificate as"
                    + " the CA file.";
        } else {
            message = "TLS with " + where + " failed (" + settings.tlsMode() + "): " + driverSays;
        }
        return new DbCreatorException(ErrorCode.TLS_FAILED, message, whole);
    }

    private static Optional<String> identityMismatch(String where, ConnectionSettings settings) {
        return ServerCertificates.presentedBy(settings.host(), settings.port())
                .map(certificate -> "The certificate of the server at " + where + " is for "
                        + String.join(", ", ServerCertificates.namesIn(certificate)) + ", not " + settings.host() + ".");
    }

    private static String unknownIssuer(String where, ConnectionSettings settings) {
        String caFile = settings.caFile().map(Object::toString).orElse("the CA file");
        Optional<X509Certificate> certificate = ServerCertificates.presentedBy(settings.host(), settings.port());
        return certificate.map(c -> "The certificate of the server at " + where + " was issued by '"
                        + c.getIssuerX500Principal().getName() + "', which is not a CA in " + caFile + ".")
                .orElse("The certificate of the server at " + where + " was not signed by a CA in " + caFile + ".");
    }
}
