package org.dbcreator.db;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the certificate a MySQL/MariaDB server presents, to explain a failed verification in
 * the operator's terms ("the certificate is for db.example.test"); the driver's exception does
 * not carry it. The probe speaks just enough of the protocol to start TLS (the server's greeting,
 * then an SSL request), accepts any certificate because it only looks, and sends nothing else.
 */
final class ServerCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificates.class);
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int CLIENT_PROTOCOL_41 = 0x200;
    private static final int CLIENT_SSL = 0x800;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;

    private ServerCertificates() {}

    /** The server's own certificate, or empty when it cannot be had (no TLS, no answer). */
    static Optional<X509Certificate> presentedBy(String host, int port) {
        try {
            return greet(host, port).chain().stream().findFirst();
        } catch (IOException | GeneralSecurityException e) {
            LOG.debug("cannot fetch the certificate of {}:{}", host, port, e);
            return Optional.empty();
        }
    }

    /**
     * What the server shows before any password: its greeting's version, whether it offers TLS,
     * and, when it does, the certificate chain of a handshake (the server's own certificate first).
     */
    static Greeting greet(String host, int port) throws IOException, GeneralSecurityException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            Greeting greeting = readGreeting(new DataInputStream(plain.getInputStream()));
            if (!greeting.offersTls()) {
                return greeting;
            }
            sendSslRequest(plain.getOutputStream());
            CapturingTrustManager capture = new CapturingTrustManager();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {capture}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
                tls.startHandshake();
            }
            return new Greeting(greeting.serverVersion(), true, capture.chain);
        }
    }

    /** @param chain the certificates the server presented, its own first; empty without TLS */
    record Greeting(String serverVersion, boolean offersTls, List<X509Certificate> chain) {
        Greeting {
            chain = List.copyOf(chain);
        }
    }

    /** The host names and addresses the certificate is for: its subject alternative names, else its CN. */
    static List<String> namesIn(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        names.add(entry.get(1).toString());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            LOG.debug("unreadable subject alternative names", e);
        }
        if (names.isEmpty()) {
            String subject = certificate.getSubjectX500Principal().getName();
            for (String part : subject.split(",")) {
                if (part.startsWith("CN=")) {
                    names.add(part.substring(3));
                }
            }
        }
        return names;
    }

    /**
     * Protocol 10's greeting: version byte, NUL-ended server version, thread id (4), scramble (8),
     * filler (1), then the low two bytes of the capabilities, where CLIENT_SSL says TLS is offered.
     */
    private static Greeting readGreeting(DataInputStream in) throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        byte[] payload = new byte[length];
        in.readFully(payload);
        if (length < 1 || payload[0] != 10) {
            throw new IOException("not a MySQL or MariaDB greeting (protocol byte " + (length < 1 ? "missing" : payload[0]) + ")");
        }
        int end = 1;
        while (end < length && payload[end] != 0) {
            end++;
        }
        String version = new String(payload, 1, end - 1, java.nio.charset.StandardCharsets.UTF_8);
        int capabilitiesAt = end + 1 + 4 + 8 + 1;
        int capabilities = capabilitiesAt + 1 < length
                ? (payload[capabilitiesAt] & 0xff) | (payload[capabilitiesAt + 1] & 0xff) << 8 : 0;
        boolean tls = (capabilities & CLIENT_SSL) != 0;
        return new Greeting(version, tls, List.of());
    }

    private static void sendSslRequest(OutputStream out) throws IOException {
        byte[] packet = new byte[4 + 32];
        packet[0] = 32; // payload length; sequence number 1 follows
        packet[3] = 1;
        int capabilities = CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (capabilities >>> (8 * i));
        }
        packet[4 + 7] = 0x01; // max packet size 16 MB (little endian 0x01000000)
        packet[4 + 8] = 45; // utf8mb4_general_ci; the rest is filler
        out.write(packet);
        out.flush();
    }

    private static final class CapturingTrustManager implements X509TrustManager {
        private List<X509Certificate> chain = List.of();

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            this.chain = List.of(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // never a server here
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
