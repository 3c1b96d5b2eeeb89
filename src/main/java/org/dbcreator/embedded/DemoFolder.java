package org.dbcreator.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The folder of the demo an evaluator runs: the server's data, its port, the application
 * account's password and a connection profile for the other commands. One demo at a time owns
 * it, through a lock the operating system releases even when the owner is killed.
 */
public final class DemoFolder {

    private static final String LOCK = "demo.lock";
    private static final String PORT = "port";
    private static final String PROFILE = "demo.properties";

    /** The wizard's demo and 'dbcreator demo' share the folder: either may hold it, and each stops its own way. */
    private static final String STOP_IT = "stop it with Ctrl-C in the terminal of its 'dbcreator demo', or close the wizard"
            + " window that started it";

    private final Path folder;

    DemoFolder(Path folder) {
        this.folder = folder;
    }

    public static DemoFolder of(UserFolders folders) {
        return new DemoFolder(folders.demo());
    }

    public Path path() {
        return folder;
    }

    public Path profileFile() {
        return folder.resolve(PROFILE);
    }

    /** A port and, when it is not the one the operator expects, a sentence that says so. */
    public record PortChoice(int port, Optional<String> note) {}

    /**
     * Takes the folder for this process. Refuses when another demo holds it, or when a server
     * started from it still runs although the demo that started it is gone.
     */
    public Lock lock() {
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw alreadyRunning();
            }
            Optional<ProcessHandle> orphan = runningServer();
            if (orphan.isPresent()) {
                channel.close();
                throw new DbCreatorException(ErrorCode.DEMO_ALREADY_RUNNING, "A demo server is still running" + onPort()
                        + " (pid " + orphan.get().pid() + ") with its data in " + folder + ", but the dbcreator that"
                        + " started it is gone; stop it with 'kill " + orphan.get().pid() + "'.");
            }
            return new Lock(channel);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED, "Cannot lock the demo folder " + folder
                    + ": " + e.getMessage() + ".", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    private DbCreatorException alreadyRunning() {
        Optional<ProcessHandle> server = runningServer();
        if (server.isPresent()) {
            return new DbCreatorException(ErrorCode.DEMO_ALREADY_RUNNING, "A demo server is already running" + onPort()
                    + " (pid " + server.get().pid() + ") with its data in " + folder + "; " + STOP_IT + ".");
        }
        return new DbCreatorException(ErrorCode.DEMO_ALREADY_RUNNING, "Another demo is starting or stopping in " + folder
                + "; wait for it, or " + STOP_IT + ".");
    }

    private String onPort() {
        OptionalInt port = rememberedPort();
        return port.isPresent() ? " on port " + port.getAsInt() : "";
    }

    /** The server process named by the pid file, if it is alive and is a MariaDB server. */
    Optional<ProcessHandle> runningServer() {
        Path pidFile = EmbeddedServer.pidFileIn(folder);
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // no pid file (a clean stop deletes it) or a half-written one
        }
    }

    /** Deletes the demo's data and credentials, keeping only the remembered port; the caller holds the lock. */
    public void reset() {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals(LOCK) && !name.equals(PORT)) {
                    ServerBinaries.deleteQuietly(entry);
                    if (Files.exists(entry)) {
                        throw new IOException("cannot delete " + entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED, "Cannot reset the demo folder " + folder
                    + ": " + e.getMessage() + ". Check its permissions, or delete it by hand.", e);
        }
    }

    /**
     * The port to start on: the one asked for, else the previous run's while it is free, so that
     * clients keep working; else any free one.
     */
    public PortChoice choosePort(int requested) {
        if (requested != 0) {
            if (requested < 1 || requested > 65535 || !isFree(requested)) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Port " + requested + " on 127.0.0.1 is "
                        + (requested < 1 || requested > 65535 ? "not a TCP port" : "in use") + "; give another --port,"
                        + " or leave --port out to get a free one.");
            }
            return new PortChoice(requested, Optional.empty());
        }
        OptionalInt previous = rememberedPort();
        if (previous.isPresent() && isFree(previous.getAsInt())) {
            return new PortChoice(previous.getAsInt(), Optional.empty());
        }
        int port = freePort();
        return new PortChoice(port, previous.isPresent() ? Optional.of("Port " + previous.getAsInt() + " of the previous"
                + " run is in use; the demo server listens on " + port + " this time.") : Optional.empty());
    }

    public void rememberPort(int port) {
        writeFile(folder.resolve(PORT), port + "\n", false);
    }

    OptionalInt rememberedPort() {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(folder.resolve(PORT), StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The application account's password file: generated on first use, readable by the owner only. */
    public Path passwordFile(String user) {
        Path file = folder.resolve(user + ".password");
        if (!Files.isRegularFile(file)) {
            writeFile(file, Passwords.generate() + "\n", true);
        }
        return file;
    }

    public void writeProfile(ConnectionProfile profile) {
        writeFile(profileFile(), profile.render(), false);
    }

    private static void writeFile(Path file, String content, boolean ownerOnly) {
        try {
            Path scratch = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(scratch);
            Files.createFile(scratch, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--")));
            Files.writeString(scratch, content, StandardCharsets.UTF_8);
            Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED, "Cannot write " + file + ": "
                    + e.getMessage() + ".", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false; // taken (BindException) or not bindable at all: either way not ours to use
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED, "No free port on 127.0.0.1: "
                    + e.getMessage() + ".", e);
        }
    }

    /** Held while a demo runs; closing it (or the process ending) frees the folder. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                // the lock goes with the process at the latest
            }
        }
    }
}
