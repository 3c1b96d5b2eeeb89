package org.dbcreator.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private MariaDB server the tool starts itself: data in a folder of the user's, listening
 * on 127.0.0.1 only, with real accounts and a generated root password kept next to the data.
 * It is stopped cleanly (SIGTERM, so InnoDB shuts down properly) by {@link #close()} and by a
 * shutdown hook on exit or Ctrl-C.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String CREDENTIALS = "credentials.properties";
    private static final boolean RUNNING_AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final Path folder;
    private final ServerBinaries binaries;
    private final List<String> extraOptions;
    private Process process;
    private int port;
    private Secret rootPassword;
    private SelfSignedCertificate certificate;
    private Thread shutdownHook;
    private final List<Runnable> beforeStop = new CopyOnWriteArrayList<>();

    private EmbeddedServer(Path folder, ServerBinaries binaries, List<String> extraOptions) {
        this.folder = folder;
        this.binaries = binaries;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /**
     * A server whose data lives in {@code folder} (created and initialised on first start).
     *
     * @param extraOptions further mariadbd options, e.g. for faster, less durable test servers
     */
    public static EmbeddedServer inFolder(Path folder, UserFolders userFolders, List<String> extraOptions) {
        return new EmbeddedServer(folder, ServerBinaries.unpackedInto(userFolders.cache()), extraOptions);
    }

    /** Starts the server on a free port (or {@code requestedPort} when not 0) and waits until it answers. */
    public synchronized EmbeddedServer start(int requestedPort) {
        try {
            Files.createDirectories(folder);
            if (!Files.isDirectory(dataDir())) {
                install();
            }
            port = requestedPort == 0 ? freePort() : requestedPort;
            // Until a start has set root's password, every start sets it again (it is idempotent).
            boolean secured = Files.exists(securedMarker());
            Path initFile = secured ? null : writeInitFile();
            try {
                long logOffset = Files.exists(log()) ? Files.size(log()) : 0;
                launch(initFile);
                awaitReady(logOffset);
            } finally {
                if (initFile != null) {
                    Files.deleteIfExists(initFile);
                }
            }
            if (!secured) {
                Files.writeString(securedMarker(), "root's password is set\n");
            }
            rootPassword = readCredentials();
            return this;
        } catch (IOException e) {
            throw failure("cannot prepare " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Root's connection settings, for the tool itself and for tests. */
    public ConnectionSettings rootSettings(String database) {
        return new ConnectionSettings("127.0.0.1", port, database, "root", rootPassword, TlsMode.DISABLED,
                java.util.Optional.empty());
    }

    /** The server's TLS certificate, its own CA (unless the extra options named another); known once started. */
    public SelfSignedCertificate certificate() {
        return certificate;
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    public Path log() {
        return folder.resolve("server.log");
    }

    /** Where the server writes its process id while it runs; it deletes the file on a clean stop. */
    static Path pidFileIn(Path folder) {
        return folder.resolve("mariadbd.pid");
    }

    public ServerBinaries binaries() {
        return binaries;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private Path dataDir() {
        return folder.resolve("data");
    }

    /** Initialises the data folder in a scratch folder first: a half-initialised one is never reused. */
    private void install() throws IOException {
        Path scratch = folder.resolve("data.installing");
        ServerBinaries.deleteQuietly(scratch);
        List<String> command = new ArrayList<>(List.of(binaries.installScript().toString(), "--no-defaults",
                "--basedir=" + binaries.home(), "--datadir=" + scratch, "--tmpdir=" + tmpDir(),
                "--auth-root-authentication-method=normal",
                "--skip-test-db", "--skip-name-resolve"));
        if (RUNNING_AS_ROOT) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        int exit = run(command, folder.resolve("install.log"));
        if (exit != 0) {
            throw failure("initialising the data folder failed (exit " + exit + "); see " + folder.resolve("install.log"), null);
        }
        writeCredentials(Secret.of(Passwords.generate()));
        Files.move(scratch, dataDir());
    }

    private Path securedMarker() {
        return folder.resolve("data-secured");
    }

    /** On first start the server itself sets root's password before it accepts any connection. */
    private Path writeInitFile() throws IOException {
        String password = readCredentials().reveal();
        Path file = folder.resolve("first-start.sql");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, String.join("\n",
                "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host NOT IN ('localhost', '127.0.0.1', '::1');",
                "FLUSH PRIVILEGES;",
                "ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED BY '" + password + "';",
                "ALTER USER IF EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "ALTER USER IF EXISTS 'root'@'::1' IDENTIFIED BY '" + password + "';", ""), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A temporary folder of the server's own. A starting server deletes every {@code #sql*} file in
     * its tmpdir as its own leftovers; sharing /tmp, it would delete the temporary tables of other
     * servers running on the machine (and theirs ours), which fail or crash on it.
     */
    private Path tmpDir() throws IOException {
        return Files.createDirectories(folder.resolve("tmp"));
    }

    private void launch(Path initFile) throws IOException {
        // Made once per folder: without it MariaDB generates a new key on every start, which takes seconds.
        certificate = SelfSignedCertificate.in(folder.resolve("tls"));
        List<String> command = new ArrayList<>(List.of(binaries.server().toString(), "--no-defaults",
                "--basedir=" + binaries.home(), "--datadir=" + dataDir(), "--tmpdir=" + tmpDir(), "--bind-address=127.0.0.1",
                "--port=" + port, "--socket=" + socketPath(), "--pid-file=" + pidFileIn(folder),
                "--skip-name-resolve", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--max-allowed-packet=64M", "--event-scheduler=OFF",
                "--ssl-cert=" + certificate.certificate(), "--ssl-key=" + certificate.key())); // extra options may override
        if (RUNNING_AS_ROOT) {
            command.add("--user=root");
        }
        if (initFile != null) {
            command.add("--init-file=" + initFile);
        }
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
        LOG.debug("starting {}", command);
        process = builder.start();
        shutdownHook = new Thread(this::stopQuietly, "dbcreator-embedded-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The socket path must stay under the kernel's 107-character limit, whatever the folder. */
    private Path socketPath() {
        return Path.of(System.getProperty("java.io.tmpdir"), "dbcreator-" + ProcessHandle.current().pid() + "-" + port + ".sock");
    }

    /**
     * Waits for the server's own "ready for connections" line: the port opens earlier, before
     * the init file has run, so an open port does not mean root's password is set.
     */
    private void awaitReady(long logOffset) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("the server stopped during start-up (exit " + process.exitValue() + ")", null);
            }
            if (logSince(logOffset).contains(": ready for connections")) {
                return;
            }
            pause(100);
        }
        stopQuietly();
        throw failure("the server was not ready within " + START_TIMEOUT.toSeconds() + " s", null);
    }

    private String logSince(long offset) throws IOException {
        try (var file = new java.io.RandomAccessFile(log().toFile(), "r")) {
            if (file.length() <= offset) {
                return "";
            }
            file.seek(offset);
            byte[] tail = new byte[(int) Math.min(file.length() - offset, 1 << 20)];
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran; it does the same work
            }
            shutdownHook = null;
        }
    }

    /**
     * Runs {@code task} before the server stops, however it stops (close or Ctrl-C), so that its
     * clients (demo nodes) can end cleanly first.
     */
    public void beforeStop(Runnable task) {
        beforeStop.add(task);
    }

    private void stopQuietly() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        for (Runnable task : beforeStop) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("a task before the server stop failed", e);
            }
        }
        running.destroy(); // SIGTERM: mariadbd shuts InnoDB down cleanly
        try {
            if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("the embedded server did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeCredentials(Secret password) throws IOException {
        Path file = folder.resolve(CREDENTIALS);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "# The embedded server's administrator; keep this file private.\nuser=root\npassword="
                + password.reveal() + "\n", StandardCharsets.UTF_8);
    }

    private Secret readCredentials() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(folder.resolve(CREDENTIALS), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return Secret.of(properties.getProperty("password", ""));
    }

    private int run(List<String> command, Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).directory(binaries.home().toFile());
        builder.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
        try {
            return builder.start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while initialising the data folder", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED, "Interrupted while the server started.", e);
        }
    }

    private DbCreatorException failure(String what, Throwable cause) {
        return new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED,
                "The embedded server in " + folder + " failed: " + what + ". Its log: " + log() + ".", cause);
    }
}
