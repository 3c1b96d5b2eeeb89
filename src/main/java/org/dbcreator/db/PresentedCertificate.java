package org.dbcreator.db;

import java.time.Instant;
import java.util.List;

/**
 * The certificate a server presented in a TLS handshake, and whether it is trusted under the
 * chosen {@link TlsMode}.
 *
 * @param names the host names and addresses it is for (subject alternative names, else its CN)
 * @param trustReason why trusted, not trusted, or not checked, in one sentence
 */
public record PresentedCertificate(String subject, String issuer, Instant validFrom, Instant validUntil,
        List<String> names, Trust trust, String trustReason) {

    public enum Trust {
        /** Checked against the CA file (and, for VERIFY_IDENTITY, the host name), and passed. */
        TRUSTED,
        /** Checked, and failed: the driver refuses the connection under this mode. */
        NOT_TRUSTED,
        /** The mode encrypts without checking the certificate (PREFERRED, REQUIRED). */
        NOT_CHECKED
    }

    public PresentedCertificate {
        names = List.copyOf(names);
    }
}
