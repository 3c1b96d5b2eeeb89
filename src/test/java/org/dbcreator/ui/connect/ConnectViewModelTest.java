package org.dbcreator.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.db.TlsMode;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.engine.ProbeReport;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connect page's fields and commands, with the real service and no server (port 1 refuses at once). */
class ConnectViewModelTest {

    @TempDir
    Path home;

    final List<Throwable> errors = new ArrayList<>();
    final List<ConnectedDatabase> connected = new ArrayList<>();

    private ConnectViewModel model() {
        Navigation navigation = new Navigation() {
            public void showWelcome() { }
            public void showConnect(Journey journey, java.util.Optional<RecentConnection> profile) { }
            public void connected(ConnectedDatabase database) { connected.add(database); }
            public void startDemo() { }
            public void showDeploy() { }
            public void showDone() { }
            public void showReport() { }
            public void showStatus() { }
            public void showError(Throwable failure) { errors.add(failure); }
            public void log(String line) { }
        };
        return new ConnectViewModel(new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()),
                event -> { }), new CurrentThreadExecutor(), navigation, "cloud");
    }

    @Test
    void everyFieldShouldBeCheckedAsItIsTyped() {
        ConnectViewModel m = model();
        assertThat(m.validBinding().get()).isTrue();
        m.hostProperty().set("db 1");
        assertThat(m.hostError().get()).contains("no spaces");
        m.hostProperty().set("db1.example.com");
        m.portProperty().set("0");
        assertThat(m.portError().get()).contains("1 to 65535");
        m.portProperty().set("3306");
        m.databaseProperty().set("cloud;drop");
        assertThat(m.databaseError().get()).contains("Letters, digits");
        assertThat(m.validBinding().get()).isFalse();
        assertThat(m.primaryDisabled().get()).isTrue();
        m.databaseProperty().set("cloud");
        m.userProperty().set("");
        assertThat(m.userError().get()).contains("Give the database user");
        m.userProperty().set("admin");
        assertThat(m.validBinding().get()).isTrue();
    }

    @Test
    void verifyingModesShouldAskForAReadableCaFile() throws Exception {
        ConnectViewModel m = model();
        m.tlsModeProperty().set(TlsMode.VERIFY_IDENTITY);
        assertThat(m.caFileError().get()).contains("give one");
        m.caFileProperty().set(home.resolve("missing.pem").toString());
        assertThat(m.caFileError().get()).contains("no readable file");
        Path ca = Files.writeString(home.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        m.caFileProperty().set(ca.toString());
        assertThat(m.caFileError().get()).isEmpty();
        assertThat(m.validBinding().get()).isTrue();
    }

    @Test
    void aRefusedConnectionShouldReachTheBannerWithItsCodeAndKeepThePage() {
        ConnectViewModel m = model();
        m.portProperty().set("1");
        m.passwordProperty().set("s3cret");
        m.connect();
        assertThat(connected).isEmpty();
        assertThat(errors).singleElement().isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_REFUSED));
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(m.cliLine().get()).doesNotContain("s3cret").contains("--password-prompt");
    }

    @Test
    void aProfileShouldFillTheFieldsAndStandForThemOnTheCommandLine() throws Exception {
        Path profiles = Files.createDirectories(home.resolve("config/profiles"));
        Files.writeString(profiles.resolve("prod.properties"), "host=db1.example.com\nport=3307\nuser=admin\n"
                + "password-file=prod.password\n");
        ConnectViewModel m = model();
        m.open(Journey.INSPECT, java.util.Optional.empty());
        assertThat(m.profiles()).extracting(RecentConnection::name).containsExactly("prod");
        m.profileProperty().set(m.profiles().get(0));
        assertThat(m.hostProperty().get()).isEqualTo("db1.example.com");
        assertThat(m.portProperty().get()).isEqualTo("3307");
        assertThat(m.userProperty().get()).isEqualTo("admin");
        assertThat(m.passwordHint().get()).contains("prod.password");
        assertThat(m.cliLine().get()).isEqualTo("dbcreator status --profile prod");
        m.portProperty().set("3308");
        assertThat(m.cliLine().get()).contains("--port 3308").doesNotContain("--profile");
    }

    @Test
    void aProbeWithAWarningShouldNotBeSummedUpAsEveryLayerPassed() {
        List<ProbeLayer> layers = new ArrayList<>(List.of(
                ProbeLayer.passed(ProbeLayer.Layer.REACHABLE, "accepted", java.util.Optional.empty()),
                ProbeLayer.warning(ProbeLayer.Layer.TLS, "the server offers no TLS", ErrorCode.TLS_FAILED, "enable TLS"),
                ProbeLayer.passed(ProbeLayer.Layer.AUTHENTICATED, "signed in", java.util.Optional.empty())));
        ProbeReport warned = new ProbeReport("127.0.0.1:3306", TlsMode.PREFERRED, layers, java.util.Optional.empty(),
                java.util.Optional.of("root@%"), java.util.Optional.of("MariaDB 10.11"), List.of());

        assertThat(ConnectViewModel.summary(warned, Journey.INSPECT)).contains("with a warning")
                .contains(Messages.get("probe.layer.TLS")).doesNotContain("every layer passed");

        layers.set(1, ProbeLayer.passed(ProbeLayer.Layer.TLS, "encrypted", java.util.Optional.empty()));
        ProbeReport clean = new ProbeReport("127.0.0.1:3306", TlsMode.PREFERRED, layers, java.util.Optional.empty(),
                java.util.Optional.of("root@%"), java.util.Optional.of("MariaDB 10.11"), List.of());
        assertThat(ConnectViewModel.summary(clean, Journey.INSPECT)).contains("every layer passed");
    }
}
