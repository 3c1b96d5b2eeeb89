package org.dbcreator.db;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.db.ProbeLayer.Layer;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Asks a server, layer by layer, whether the tool can work with it: is anything listening, does
 * TLS come up and with which certificate, does the account sign in, is the release supported. A
 * failure the probe expects becomes a failed layer, never an exception; the layers above it are
 * skipped. Changes nothing on the server.
 */
public final class ConnectionProbe {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /**
     * @param database the connected database when every layer passed; the caller closes it
     */
    public record Result(List<ProbeLayer> layers, Optional<PresentedCertificate> certificate, Optional<String> account,
            Optional<ServerInfo> server, Optional<Database> database) {

        public Result {
            layers = List.copyOf(layers);
        }
    }

    private ConnectionProbe() {}

    public static Result run(ConnectionSettings settings) {
        List<ProbeLayer> layers = new ArrayList<>();
        ProbeLayer reachable = reachable(settings);
        layers.add(reachable);
        if (reachable.isFailed()) {
            return skipRest(layers, Layer.REACHABLE, Optional.empty());
        }
        Optional<PresentedCertificate> certificate = Optional.empty();
        ProbeLayer tls;
        if (settings.tlsMode() == TlsMode.DISABLED) {
            tls = ProbeLayer.warning(Layer.TLS, "TLS mode DISABLED: the connection is not encrypted.", ErrorCode.TLS_FAILED,
                    "Use TLS mode REQUIRED or stricter on a network others can read.");
        } else {
            long start = System.nanoTime();
            try {
                ServerCertificates.Greeting greeting = ServerCertificates.greet(settings.host(), settings.port());
                certificate = greeting.chain().isEmpty() ? Optional.empty()
                        : Optional.of(CertificateTrust.judge(greeting.chain(), settings));
                tls = tlsLayer(settings, greeting, certificate, since(start));
            } catch (IOException | GeneralSecurityException e) {
                tls = ProbeLayer.failed(Layer.TLS, "No TLS handshake with " + where(settings) + ": "
                        + ConnectionFailures.sentence(ConnectionFailures.rootMessage(e)), ErrorCode.TLS_FAILED,
                        "Check that a MySQL or MariaDB server listens on that port and that its TLS setup works.",
                        Optional.of(since(start)));
            }
        }
        layers.add(tls);
        if (tls.isFailed()) {
            return skipRest(layers, Layer.TLS, certificate);
        }
        return signIn(settings, layers, certificate);
    }

    private static ProbeLayer reachable(ConnectionSettings settings) {
        long start = System.nanoTime();
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            return ProbeLayer.failed(Layer.REACHABLE, "The host name '" + settings.host() + "' is unknown.",
                    ErrorCode.HOST_UNREACHABLE, "Check the host name.", Optional.of(since(start)));
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            Duration took = since(start);
            return ProbeLayer.passed(Layer.REACHABLE, where(settings) + " (" + address.getAddress().getHostAddress()
                    + ") accepted a connection in " + took.toMillis() + " ms.", Optional.of(took));
        } catch (ConnectException e) {
            return ProbeLayer.failed(Layer.REACHABLE, "The connection to " + where(settings) + " was refused.",
                    ErrorCode.CONNECTION_REFUSED, "Check that the server runs and listens on port " + settings.port()
                            + ", and that no firewall rejects the connection.", Optional.of(since(start)));
        } catch (SocketTimeoutException e) {
            return ProbeLayer.failed(Layer.REACHABLE, "No answer from " + where(settings) + " in "
                    + CONNECT_TIMEOUT_MILLIS / 1000 + " s.", ErrorCode.HOST_UNREACHABLE,
                    "Check the network path and firewalls between this machine and the server.", Optional.of(since(start)));
        } catch (IOException e) {
            return ProbeLayer.failed(Layer.REACHABLE, "Cannot reach " + where(settings) + ": "
                    + ConnectionFailures.sentence(ConnectionFailures.rootMessage(e)), ErrorCode.HOST_UNREACHABLE,
                    "Check the host name and the network path to the server.", Optional.of(since(start)));
        }
    }

    private static ProbeLayer tlsLayer(ConnectionSettings settings, ServerCertificates.Greeting greeting,
            Optional<PresentedCertificate> certificate, Duration took) {
        if (!greeting.offersTls()) {
            String detail = "The server (" + greeting.serverVersion() + ") offers no TLS.";
            return settings.tlsMode() == TlsMode.PREFERRED
                    ? ProbeLayer.warning(Layer.TLS, detail + " TLS mode PREFERRED goes on unencrypted.",
                            ErrorCode.TLS_FAILED, "Enable TLS on the server (ssl-cert and ssl-key) to encrypt the connection.")
                    : ProbeLayer.failed(Layer.TLS, detail + " TLS mode " + settings.tlsMode() + " requires it.",
                            ErrorCode.TLS_FAILED, "Enable TLS on the server (ssl-cert and ssl-key), or choose TLS mode"
                                    + " PREFERRED to accept an unencrypted connection.", Optional.of(took));
        }
        PresentedCertificate presented = certificate.orElseThrow();
        String detail = "TLS negotiated in " + took.toMillis() + " ms; the certificate is for "
                + String.join(", ", presented.names()) + ", issued by '" + presented.issuer() + "'. " + presented.trustReason();
        if (presented.trust() == PresentedCertificate.Trust.NOT_TRUSTED) {
            return ProbeLayer.failed(Layer.TLS, detail, ErrorCode.TLS_FAILED, settings.caFile().isEmpty()
                    ? "Give the CA certificate (PEM) that signed the server's certificate, or choose TLS mode REQUIRED to"
                            + " encrypt without checking."
                    : "Give the CA that signed the server's certificate, connect by a name the certificate holds, or"
                            + " renew the certificate, as the reason says.", Optional.of(took));
        }
        return ProbeLayer.passed(Layer.TLS, detail, Optional.of(took));
    }

    /** Signs in through the same driver settings every operation uses, and asks the server for its release. */
    private static Result signIn(ConnectionSettings settings, List<ProbeLayer> layers,
            Optional<PresentedCertificate> certificate) {
        long start = System.nanoTime();
        Database database;
        try {
            database = Database.connect(settings);
        } catch (DbCreatorException e) {
            Duration took = since(start);
            switch (e.code()) {
                case TLS_FAILED -> { // the driver's verdict stands over the probe's own look
                    layers.set(layers.size() - 1, ProbeLayer.failed(Layer.TLS, e.getMessage(), e.code(),
                            "Fix the TLS settings as the reason says.", Optional.of(took)));
                    return skipRest(layers, Layer.TLS, certificate);
                }
                case SERVER_UNSUPPORTED -> {
                    layers.add(ProbeLayer.passed(Layer.AUTHENTICATED, "Signed in as '" + settings.user() + "'.",
                            Optional.of(took)));
                    layers.add(ProbeLayer.failed(Layer.SERVER_RELEASE, e.getMessage(), e.code(),
                            "Use MySQL 8.0 or newer, or MariaDB 10.6 or newer.", Optional.empty()));
                    return skipRest(layers, Layer.SERVER_RELEASE, certificate);
                }
                default -> {
                    layers.add(ProbeLayer.failed(Layer.AUTHENTICATED, e.getMessage(), e.code(), signInFix(e.code()),
                            Optional.of(took)));
                    return skipRest(layers, Layer.AUTHENTICATED, certificate);
                }
            }
        }
        try (Connection c = database.serverConnection()) {
            String account = Sessions.currentUser(c);
            layers.add(ProbeLayer.passed(Layer.AUTHENTICATED, "Signed in as '" + settings.user() + "' (the server's"
                    + " account " + account + ") in " + since(start).toMillis() + " ms.", Optional.of(since(start))));
            layers.add(ProbeLayer.passed(Layer.SERVER_RELEASE, database.server().describe() + " is supported.",
                    Optional.empty()));
            return new Result(layers, certificate, Optional.of(account), Optional.of(database.server()),
                    Optional.of(database));
        } catch (SQLException e) {
            database.close();
            layers.add(ProbeLayer.failed(Layer.AUTHENTICATED, "Signed in, then lost the connection: " + e.getMessage(),
                    ErrorCode.CONNECTION_LOST, "Try again; check the server's log if it keeps happening.",
                    Optional.of(since(start))));
            return skipRest(layers, Layer.AUTHENTICATED, certificate);
        }
    }

    private static String signInFix(ErrorCode code) {
        return switch (code) {
            case AUTHENTICATION_FAILED -> "Check the user name and password, and that the account may connect from"
                    + " this host.";
            case INVALID_IDENTIFIER -> "Name the database with letters, digits, '_' and '$' (at most 64 characters).";
            default -> "Check that the server accepts connections from this host, then try again.";
        };
    }

    private static Result skipRest(List<ProbeLayer> layers, Layer failed, Optional<PresentedCertificate> certificate) {
        for (Layer layer : List.of(Layer.REACHABLE, Layer.TLS, Layer.AUTHENTICATED, Layer.SERVER_RELEASE)) {
            if (layers.stream().noneMatch(l -> l.layer() == layer)) {
                layers.add(ProbeLayer.skipped(layer, failed));
            }
        }
        return new Result(layers, certificate, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String where(ConnectionSettings settings) {
        return settings.host() + ":" + settings.port();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
