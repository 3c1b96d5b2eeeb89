package org.dbcreator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A private CA and a server certificate signed by it, made with the JDK's own keytool so that the
 * tests need nothing beyond a JDK (no openssl, no extra library). The server's key is written as
 * PEM (PKCS#8), which MariaDB's {@code --ssl-key} reads.
 *
 * @param ca the CA certificate (PEM), what an operator passes with {@code --tls-ca}
 * @param serverCertificate the server's certificate (PEM), for {@code --ssl-cert}
 * @param serverKey the server's private key (PEM), for {@code --ssl-key}
 */
public record TestCertificates(Path ca, Path serverCertificate, Path serverKey) {

    private static final String STORE_PASSWORD = "changeit";

    /** Makes a CA and a server certificate for the given subject alternative names, e.g. "dns:db.example.test". */
    public static TestCertificates create(Path folder, String... subjectAlternativeNames) throws IOException {
        Files.createDirectories(folder);
        Path caStore = folder.resolve("ca.p12");
        Path serverStore = folder.resolve("server.p12");
        TestCertificates certificates = new TestCertificates(folder.resolve("ca.pem"), folder.resolve("server-cert.pem"),
                folder.resolve("server-key.pem"));
        keytool("-genkeypair", "-keystore", caStore, "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=DatabaseCreator Test CA", "-ext", "bc:c", "-validity", "2");
        keytool("-exportcert", "-keystore", caStore, "-alias", "ca", "-rfc", "-file", certificates.ca());
        keytool("-genkeypair", "-keystore", serverStore, "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + subjectAlternativeNames[0].replaceFirst("^[a-z]+:", ""), "-validity", "2");
        keytool("-certreq", "-keystore", serverStore, "-alias", "server", "-file", folder.resolve("server.csr"));
        keytool("-gencert", "-keystore", caStore, "-alias", "ca", "-infile", folder.resolve("server.csr"),
                "-outfile", certificates.serverCertificate(), "-rfc", "-validity", "2",
                "-ext", "SAN=" + String.join(",", subjectAlternativeNames), "-ext", "EKU=serverAuth");
        writePrivateKey(serverStore, certificates.serverKey());
        return certificates;
    }

    private static void writePrivateKey(Path store, Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD.toCharArray());
            Key key = keyStore.getKey("server", STORE_PASSWORD.toCharArray());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the server key from " + store, e);
        }
    }

    private static void keytool(Object... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-noprompt", "-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
