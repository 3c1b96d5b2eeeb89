package org.dbcreator.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo folder's bookkeeping, without a server: lock, port memory, password file, reset. */
class DemoFolderTest {

    @TempDir
    Path temp;

    private DemoFolder folder() {
        return new DemoFolder(temp.resolve("demo"));
    }

    @Test
    void secondLockShouldBeRefusedUntilTheFirstIsClosed() {
        DemoFolder folder = folder();
        try (DemoFolder.Lock first = folder.lock()) {
            assertThatThrownBy(folder::lock).isInstanceOfSatisfying(DbCreatorException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DEMO_ALREADY_RUNNING))
                    .hasMessageContaining("Another demo is starting or stopping in " + folder.path());
        }
        folder.lock().close();
    }

    @Test
    void pidFileOfALiveProcessThatIsNoMariadbServerShouldNotCount() throws IOException {
        DemoFolder folder = folder();
        Files.createDirectories(folder.path());
        Files.writeString(folder.path().resolve("mariadbd.pid"), ProcessHandle.current().pid() + "\n");

        assertThat(folder.runningServer()).isEmpty();
        folder.lock().close();
    }

    @Test
    void rememberedPortShouldBeReusedWhileFree() throws IOException {
        DemoFolder folder = folder();
        Files.createDirectories(folder.path());
        int port = freePort();
        folder.rememberPort(port);

        assertThat(folder.choosePort(0)).isEqualTo(new DemoFolder.PortChoice(port, Optional.empty()));
    }

    @Test
    void rememberedPortInUseShouldBeReplacedAndSaidSo() throws IOException {
        DemoFolder folder = folder();
        Files.createDirectories(folder.path());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            folder.rememberPort(taken.getLocalPort());

            DemoFolder.PortChoice choice = folder.choosePort(0);

            assertThat(choice.port()).isNotEqualTo(taken.getLocalPort());
            assertThat(choice.note()).hasValue("Port " + taken.getLocalPort() + " of the previous run is in use; the demo"
                    + " server listens on " + choice.port() + " this time.");
        }
    }

    @Test
    void requestedPortInUseShouldBeRefused() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> folder().choosePort(taken.getLocalPort())).isInstanceOfSatisfying(
                    DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void passwordFileShouldBeGeneratedOnceAndReadableByTheOwnerOnly() throws IOException {
        DemoFolder folder = folder();
        Files.createDirectories(folder.path());

        ApplicationAccount first = ApplicationAccount.in(folder, "democloud");
        ApplicationAccount again = ApplicationAccount.in(folder, "democloud");

        assertThat(first.password().reveal()).hasSize(24);
        assertThat(again.password()).isEqualTo(first.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.passwordFile()))).isEqualTo("rw-------");
    }

    @Test
    void resetShouldKeepOnlyTheRememberedPortAndTheLock() throws IOException {
        DemoFolder folder = folder();
        try (DemoFolder.Lock lock = folder.lock()) {
            folder.rememberPort(40000);
            folder.passwordFile("democloud");
            Files.createDirectories(folder.path().resolve("data/cloud"));
            Files.writeString(folder.path().resolve("data/cloud/host.ibd"), "rows");

            folder.reset();

            try (Stream<Path> left = Files.list(folder.path())) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("demo.lock", "port");
            }
            assertThat(folder.rememberedPort()).hasValue(40000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
