package org.dbcreator.db;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dbcreator.error.DbCreatorException;

/**
 * Judges a presented certificate chain as the driver would under a {@link TlsMode}: VERIFY_CA
 * checks that a CA in the CA file signed it and that it is within its validity; VERIFY_IDENTITY
 * also that it names the host connected to. The other modes do not check.
 */
final class CertificateTrust {

    private CertificateTrust() {}

    static PresentedCertificate judge(List<X509Certificate> chain, ConnectionSettings settings) {
        X509Certificate own = chain.get(0);
        List<String> names = ServerCertificates.namesIn(own);
        PresentedCertificate.Trust trust;
        String reason;
        if (!settings.tlsMode().verifiesCertificate()) {
            trust = PresentedCertificate.Trust.NOT_CHECKED;
            reason = "TLS mode " + settings.tlsMode() + " encrypts without checking the certificate.";
        } else {
            String problem = problem(chain, names, settings);
            trust = problem.isEmpty() ? PresentedCertificate.Trust.TRUSTED : PresentedCertificate.Trust.NOT_TRUSTED;
            reason = problem.isEmpty() ? "Signed by a CA in " + settings.caFile().orElseThrow() + ", valid now"
                    + (settings.tlsMode() == TlsMode.VERIFY_IDENTITY ? ", and for " + settings.host() : "") + "." : problem;
        }
        return new PresentedCertificate(own.getSubjectX500Principal().getName(), own.getIssuerX500Principal().getName(),
                own.getNotBefore().toInstant(), own.getNotAfter().toInstant(), names, trust, reason);
    }

    /** Why the chain is not trusted, or empty when it is. */
    private static String problem(List<X509Certificate> chain, List<String> names, ConnectionSettings settings) {
        X509Certificate own = chain.get(0);
        try {
            own.checkValidity();
        } catch (CertificateExpiredException e) {
            return "The certificate expired on " + own.getNotAfter().toInstant() + ".";
        } catch (CertificateNotYetValidException e) {
            return "The certificate is valid only from " + own.getNotBefore().toInstant() + ".";
        }
        if (settings.caFile().isEmpty()) {
            return "No CA file was given to check it against.";
        }
        Path caFile = settings.caFile().get();
        try {
            if (!signedByCa(chain, caFile)) {
                return "It was issued by '" + own.getIssuerX500Principal().getName() + "', which is not a CA in " + caFile + ".";
            }
        } catch (DbCreatorException unreadable) {
            return unreadable.getMessage();
        }
        if (settings.tlsMode() == TlsMode.VERIFY_IDENTITY && names.stream().noneMatch(n -> matches(n, settings.host()))) {
            return "It is for " + String.join(", ", names) + ", not " + settings.host() + ".";
        }
        return "";
    }

    private static boolean signedByCa(List<X509Certificate> chain, Path caFile) {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (var certificate : TrustStore.readCertificates(caFile)) {
            if (certificate instanceof X509Certificate x509) {
                if (chain.contains(x509)) {
                    return true; // the server presents a CA certificate itself, or is its own CA
                }
                anchors.add(new TrustAnchor(x509, null));
            }
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false); // the driver does not check revocation either
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain),
                    parameters);
            return true;
        } catch (GeneralSecurityException notSigned) {
            return false;
        }
    }

    /** A host name against a certificate name, with a leading wildcard label allowed; addresses compare as text. */
    static boolean matches(String certificateName, String host) {
        String name = certificateName.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(name.substring(1));
        }
        return name.equals(h);
    }
}
