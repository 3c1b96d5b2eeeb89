package org.dbcreator.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The embedded server's own TLS certificate, for localhost and 127.0.0.1, made once per data
 * folder. Without one MariaDB 11.4 generates a fresh key on every start, which takes seconds
 * (1.5 to 9 s measured on 2 cores); loading this one takes milliseconds. Being self-signed, the
 * certificate is its own CA: {@code --tls-ca} with it makes VERIFY_IDENTITY work against the demo.
 * The JDK has no public API to issue certificates, hence the few lines of DER below.
 *
 * @param certificate PEM, for mariadbd's {@code --ssl-cert} and the client's {@code --tls-ca}
 * @param key PEM (PKCS#8, owner-only), for mariadbd's {@code --ssl-key}
 */
public record SelfSignedCertificate(Path certificate, Path key) {

    private static final byte[] SHA256_WITH_RSA = HexFormat.of().parseHex("300d06092a864886f70d01010b0500");
    private static final byte[] COMMON_NAME = HexFormat.of().parseHex("0603550403");
    private static final byte[] SUBJECT_ALTERNATIVE_NAME = HexFormat.of().parseHex("0603551d11");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    /** The certificate in {@code folder}, made on first use. */
    static SelfSignedCertificate in(Path folder) throws IOException {
        SelfSignedCertificate files = new SelfSignedCertificate(folder.resolve("server-cert.pem"), folder.resolve("server-key.pem"));
        if (!Files.isRegularFile(files.certificate()) || !Files.isRegularFile(files.key())) {
            files.create();
        }
        return files;
    }

    private void create() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] tbs = toBeSigned(pair);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(tbs);
            byte[] signature = concat(new byte[] {0}, signer.sign()); // a BIT STRING starts with its unused-bit count
            byte[] der = der(0x30, tbs, SHA256_WITH_RSA, der(0x03, signature));
            Files.createDirectories(key.getParent());
            Files.deleteIfExists(key);
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            // The certificate goes into place last, in one move: its presence means both files are whole.
            Path scratch = certificate.resolveSibling(certificate.getFileName() + ".new");
            Files.writeString(scratch, pem("CERTIFICATE", der), StandardCharsets.US_ASCII);
            Files.move(scratch, certificate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the server's TLS certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] toBeSigned(KeyPair pair) {
        byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME, der(0x0c, "dbcreator embedded server".getBytes(StandardCharsets.UTF_8)))));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] validity = der(0x30, der(0x17, ascii(UTC_TIME.format(now.minusDays(1)))),
                der(0x17, ascii(UTC_TIME.format(now.plusYears(10)))));
        byte[] alternativeNames = der(0x30, der(0x82, ascii("localhost")), der(0x87, new byte[] {127, 0, 0, 1}));
        byte[] extensions = der(0xa3, der(0x30, der(0x30, SUBJECT_ALTERNATIVE_NAME, der(0x04, alternativeNames))));
        byte[] serial = der(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
        byte[] version = der(0xa0, der(0x02, new byte[] {2})); // v3, for the extensions
        return der(0x30, version, serial, SHA256_WITH_RSA, name, validity, name, pair.getPublic().getEncoded(), extensions);
    }

    /** One DER element: tag, definite length, then the parts as its content. */
    private static byte[] der(int tag, byte[]... parts) {
        byte[] content = concat(parts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
