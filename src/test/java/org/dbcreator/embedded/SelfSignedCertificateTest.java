package org.dbcreator.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's certificate is a valid X.509 certificate for localhost and 127.0.0.1, made once. */
class SelfSignedCertificateTest {

    @TempDir
    Path temp;

    @Test
    void certificateShouldParseVerifyAndNameLocalhostAnd127001() throws Exception {
        SelfSignedCertificate files = SelfSignedCertificate.in(temp.resolve("tls"));

        X509Certificate certificate = read(files.certificate());

        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey()); // self-signed
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=dbcreator embedded server");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
                List.of(7, "127.0.0.1"));
    }

    @Test
    void keyShouldBeOwnerOnlyAndMatchTheCertificate() throws Exception {
        SelfSignedCertificate files = SelfSignedCertificate.in(temp.resolve("tls"));

        String pem = Files.readString(files.key());
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(read(files.certificate()).getPublicKey());
        signature.update(new byte[] {1, 2, 3});

        assertThat(signature.verify(signed)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.key()))).isEqualTo("rw-------");
    }

    @Test
    void secondUseShouldKeepTheFirstCertificate() throws Exception {
        String first = Files.readString(SelfSignedCertificate.in(temp).certificate());

        assertThat(Files.readString(SelfSignedCertificate.in(temp).certificate())).isEqualTo(first);
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
