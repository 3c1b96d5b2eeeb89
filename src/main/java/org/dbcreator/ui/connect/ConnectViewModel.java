package org.dbcreator.ui.connect;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dbcreator.db.PresentedCertificate;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.engine.ProbeReport;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.db.Identifiers;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.ui.app.CliEquivalent;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.ConnectionRequest;
import org.dbcreator.ui.service.RecentConnection;
import org.dbcreator.ui.service.WizardService;

/**
 * The Connect page: a profile or the fields, each checked as it is typed; the password is asked
 * and lives only in this page's property until the connection is made, and is never written.
 */
public final class ConnectViewModel implements PageModel {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_USER = "root";

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;
    private final String defaultDatabase;

    private final ObservableList<RecentConnection> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<RecentConnection> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<Journey> journey = new SimpleObjectProperty<>(Journey.UPGRADE);
    private final StringProperty host = new SimpleStringProperty(DEFAULT_HOST);
    private final StringProperty port = new SimpleStringProperty("3306");
    private final StringProperty database = new SimpleStringProperty();
    private final StringProperty user = new SimpleStringProperty(DEFAULT_USER);
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<TlsMode> tlsMode = new SimpleObjectProperty<>(TlsMode.PREFERRED);
    private final StringProperty caFile = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty testResult = new SimpleStringProperty("");
    private final ObjectProperty<ProbeReport> probe = new SimpleObjectProperty<>();

    private final StringBinding hostError;
    private final StringBinding portError;
    private final StringBinding databaseError;
    private final StringBinding userError;
    private final StringBinding caFileError;
    private final BooleanBinding valid;
    private final StringBinding passwordHint;

    public ConnectViewModel(WizardService service, UiExecutor executor, Navigation navigation, String defaultDatabase) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        this.defaultDatabase = defaultDatabase;
        database.set(defaultDatabase);
        hostError = Bindings.createStringBinding(() -> hostProblem(host.get()), host);
        portError = Bindings.createStringBinding(() -> portProblem(port.get()), port);
        databaseError = Bindings.createStringBinding(() -> databaseProblem(database.get()), database);
        userError = Bindings.createStringBinding(() -> userProblem(user.get()), user);
        caFileError = Bindings.createStringBinding(() -> caFileProblem(tlsMode.get(), caFile.get()), tlsMode, caFile);
        valid = Bindings.createBooleanBinding(() -> List.of(hostError, portError, databaseError, userError, caFileError)
                .stream().allMatch(e -> e.get().isEmpty()), hostError, portError, databaseError, userError, caFileError);
        passwordHint = Bindings.createStringBinding(() -> passwordSource(profile.get()), profile);
        profile.addListener((observable, before, chosen) -> fill(chosen));
    }

    /** Opens the page for {@code chosen} (or blank fields) in a journey, with the profiles read again. */
    public void open(Journey journey, Optional<RecentConnection> chosen) {
        this.journey.set(journey);
        testResult.set("");
        probe.set(null);
        password.set("");
        profile.set(chosen.orElse(null));
        executor.run(service::recentConnections, profiles::setAll, navigation::showError);
    }

    private void fill(RecentConnection chosen) {
        password.set("");
        testResult.set("");
        probe.set(null);
        if (chosen == null) {
            return;
        }
        ConnectionProfile p = chosen.profile();
        host.set(p.host().orElse(DEFAULT_HOST));
        port.set(String.valueOf(p.port().orElse(3306)));
        database.set(p.database().orElse(defaultDatabase));
        user.set(p.user().orElse(DEFAULT_USER));
        tlsMode.set(p.tlsMode().orElse(TlsMode.PREFERRED));
        caFile.set(p.tlsCa().map(Path::toString).orElse(""));
    }

    static String hostProblem(String host) {
        if (host == null || host.isBlank()) {
            return Messages.get("connect.error.hostEmpty");
        }
        return host.strip().chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')
                ? Messages.get("connect.error.hostInvalid") : "";
    }

    static String portProblem(String port) {
        try {
            int value = Integer.parseInt(port == null ? "" : port.strip());
            return value >= 1 && value <= 65535 ? "" : Messages.get("connect.error.port");
        } catch (NumberFormatException e) {
            return Messages.get("connect.error.port");
        }
    }

    static String databaseProblem(String database) {
        return database != null && Identifiers.isValid(database.strip()) ? "" : Messages.get("connect.error.database");
    }

    static String userProblem(String user) {
        if (user == null || user.isBlank()) {
            return Messages.get("connect.error.userEmpty");
        }
        return user.length() > 80 ? Messages.get("connect.error.userLong") : "";
    }

    static String caFileProblem(TlsMode mode, String caFile) {
        boolean verifies = mode == TlsMode.VERIFY_CA || mode == TlsMode.VERIFY_IDENTITY;
        if (caFile == null || caFile.isBlank()) {
            return verifies ? Messages.get("connect.error.caNeeded") : "";
        }
        try {
            return Files.isReadable(Path.of(caFile.strip())) ? "" : Messages.get("connect.error.caMissing");
        } catch (InvalidPathException e) {
            return Messages.get("connect.error.caMissing");
        }
    }

    private static String passwordSource(RecentConnection chosen) {
        if (chosen == null) {
            return "";
        }
        ConnectionProfile p = chosen.profile();
        if (p.passwordFile().isPresent()) {
            return Messages.get("connect.password.fromFile", p.passwordFile().get());
        }
        return p.passwordEnv().map(v -> Messages.get("connect.password.fromEnv", v)).orElse("");
    }

    /** The request the fields describe; only called while they are valid. */
    ConnectionRequest request() {
        return new ConnectionRequest(host.get().strip(), Integer.parseInt(port.get().strip()), database.get().strip(),
                user.get().strip(), Secret.of(password.get()), tlsMode.get(),
                caFile.get() == null || caFile.get().isBlank() ? Optional.empty() : Optional.of(Path.of(caFile.get().strip())),
                Optional.ofNullable(profile.get()));
    }

    /** Probes the connection layer by layer: says which layers work, and the failing one's fix. */
    public void testConnection() {
        if (!valid.get() || busy.get()) {
            return;
        }
        ConnectionRequest request = request();
        busy.set(true);
        testResult.set(Messages.get("connect.testing"));
        navigation.log(Messages.get("log.testing", describe(request)));
        probe.set(null);
        executor.run(() -> service.test(request), (ProbeReport report) -> {
            busy.set(false);
            probe.set(report);
            testResult.set(summary(report, journey.get()));
            navigation.log(testResult.get());
        }, failure -> {
            busy.set(false);
            testResult.set(Messages.get("connect.testFailed"));
            navigation.showError(failure);
        });
    }

    /**
     * The probe in one sentence: the first failed layer and its fix; or the operations of the
     * journey the account's grants do not allow; or the layers that passed with a warning; or
     * that every layer passed.
     */
    static String summary(ProbeReport report, Journey journey) {
        if (report.firstFailure().isPresent()) {
            return Messages.get("connect.probe.failed", Messages.get("probe.layer." + report.firstFailure().get().layer().name()),
                    report.firstFailure().get().fix());
        }
        List<String> refused = journeyAccess(report, journey).stream().filter(a -> !a.allowed())
                .map(a -> Messages.get("probe.operation." + a.operation().name())).toList();
        if (!refused.isEmpty()) {
            return Messages.get("connect.probe.refused", report.account().orElse("?"), String.join(", ", refused));
        }
        List<String> warned = report.layers().stream().filter(l -> l.status() == ProbeLayer.Status.WARNING)
                .map(l -> Messages.get("probe.layer." + l.layer().name())).toList();
        return warned.isEmpty() ? Messages.get("connect.probe.passed", report.server().orElse("?"), report.account().orElse("?"))
                : Messages.get("connect.probe.warned", report.server().orElse("?"), report.account().orElse("?"),
                        String.join(", ", warned));
    }

    /** What the account may run of the operations {@code journey} takes, in the journey's order. */
    public static List<ProbeReport.OperationAccess> journeyAccess(ProbeReport report, Journey journey) {
        List<ProbeReport.Operation> needed = switch (journey) {
            case UPGRADE -> List.of(ProbeReport.Operation.STATUS, ProbeReport.Operation.BACKUP, ProbeReport.Operation.UPGRADE,
                    ProbeReport.Operation.CLEANUP);
            case DEPLOY -> List.of(ProbeReport.Operation.STATUS, ProbeReport.Operation.DEPLOY);
            case INSPECT -> List.of(ProbeReport.Operation.STATUS);
        };
        return needed.stream().flatMap(op -> report.operations().stream().filter(a -> a.operation() == op)).toList();
    }

    /** One layer as a line: its name, verdict and what it found. */
    public static String layerLine(ProbeLayer layer) {
        return Messages.get("connect.probe.layer", Messages.get("probe.layer." + layer.layer().name()),
                Messages.get("probe.status." + layer.status().name()), layer.detail()); // the detail names the time taken
    }

    /** The certificate the server presented, and whether it is trusted under the chosen mode. */
    public static String certificateLine(PresentedCertificate c) {
        return Messages.get("connect.probe.certificate", c.subject(), c.issuer(), String.join(", ", c.names()),
                c.validUntil().toString(), Messages.get("probe.trust." + c.trust().name()), c.trustReason());
    }

    /** What the account may run: "Upgrade: allowed" or the privileges it lacks. */
    public static String accessLine(ProbeReport.OperationAccess access) {
        String operation = Messages.get("probe.operation." + access.operation().name());
        return access.allowed() ? Messages.get("connect.probe.allowed", operation)
                : Messages.get("connect.probe.missing", operation, String.join(", ", new java.util.TreeSet<>(access.missing())));
    }

    /** The last probe's answer; null before one ran, or while one runs. */
    public ObjectProperty<ProbeReport> probeProperty() {
        return probe;
    }

    /** Connects and moves on to the status page. */
    public void connect() {
        if (!valid.get() || busy.get()) {
            return;
        }
        ConnectionRequest request = request();
        busy.set(true);
        navigation.log(Messages.get("log.connecting", describe(request)));
        executor.run(() -> service.connect(request), connected -> {
            busy.set(false);
            password.set("");
            navigation.connected(connected);
        }, failure -> {
            busy.set(false);
            navigation.showError(failure);
        });
    }

    private static String describe(ConnectionRequest r) {
        return r.user() + "@" + r.host() + ":" + r.port() + "/" + r.database();
    }

    public void back() {
        navigation.showWelcome();
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get("connect.primary"));
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return valid.not().or(busy);
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> valid.get() ? CliEquivalent.of("status", fields()) : "",
                valid, profile, host, port, database, user, tlsMode, caFile);
    }

    /** The fields as the command line takes them: the profile when nothing was changed from it. */
    private CliEquivalent.ConnectionFields fields() {
        RecentConnection chosen = profile.get();
        String ca = caFile.get() == null || caFile.get().isBlank() ? null : caFile.get().strip();
        if (chosen != null && unchanged(chosen.profile())) {
            return new CliEquivalent.ConnectionFields(chosen.name(), null, 0, null, null, null, null);
        }
        return new CliEquivalent.ConnectionFields(null, host.get().strip(), Integer.parseInt(port.get().strip()),
                database.get().strip(), user.get().strip(), tlsMode.get(), ca);
    }

    private boolean unchanged(ConnectionProfile p) {
        List<Boolean> same = new ArrayList<>();
        same.add(host.get().strip().equals(p.host().orElse(DEFAULT_HOST)));
        same.add(port.get().strip().equals(String.valueOf(p.port().orElse(3306))));
        same.add(database.get().strip().equals(p.database().orElse(defaultDatabase)));
        same.add(user.get().strip().equals(p.user().orElse(DEFAULT_USER)));
        same.add(tlsMode.get() == p.tlsMode().orElse(TlsMode.PREFERRED));
        same.add(caFile.get().strip().equals(p.tlsCa().map(Path::toString).orElse("")));
        return !same.contains(false);
    }

    @Override
    public void primary() {
        connect();
    }

    public ObservableList<RecentConnection> profiles() {
        return profiles;
    }

    public ObjectProperty<RecentConnection> profileProperty() {
        return profile;
    }

    public ObjectProperty<Journey> journeyProperty() {
        return journey;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<TlsMode> tlsModeProperty() {
        return tlsMode;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty testResultProperty() {
        return testResult;
    }

    public StringBinding hostError() {
        return hostError;
    }

    public StringBinding portError() {
        return portError;
    }

    public StringBinding databaseError() {
        return databaseError;
    }

    public StringBinding userError() {
        return userError;
    }

    public StringBinding caFileError() {
        return caFileError;
    }

    public StringBinding passwordHint() {
        return passwordHint;
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
