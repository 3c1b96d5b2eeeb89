package org.dbcreator.ui.report;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.ui.app.CliEquivalent;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.ExportedReport;
import org.dbcreator.ui.service.WizardService;
import org.dbcreator.ui.status.StatusViewModel;

/**
 * The Report page of the inspect journey: what the support report will hold, where it goes, and
 * what was written. An existing file is replaced only once the operator said so.
 */
public final class ReportViewModel implements PageModel {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT);

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;
    private final Path folder;
    private final Clock clock;

    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final StringProperty destination = new SimpleStringProperty("");
    private final ObservableList<String> contents = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty replaceQuestion = new SimpleStringProperty("");
    private final ObjectProperty<ExportedReport> exported = new SimpleObjectProperty<>();
    private final StringBinding destinationError;
    private final StringBinding result;
    private final StringBinding openHint;
    private final BooleanBinding primaryDisabled;
    private String suggested = "";

    /**
     * @param folder where the suggested file goes (the user's Documents, else home)
     * @param clock the time the suggested file name carries
     */
    public ReportViewModel(WizardService service, UiExecutor executor, Navigation navigation, Path folder, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        this.folder = folder;
        this.clock = clock;
        destinationError = Bindings.createStringBinding(() -> fileError(destination.get()), destination);
        result = Bindings.createStringBinding(() -> exported.get() == null ? "" : written(exported.get()), exported);
        openHint = Bindings.createStringBinding(() -> exported.get() == null ? "" : Messages.get("report.openHint",
                exported.get().html().getParent(), exported.get().html().getFileName()), exported);
        primaryDisabled = busy.or(database.isNull()).or(destinationError.isNotEmpty())
                .or(replaceQuestion.isNotEmpty());
        destination.addListener((o, before, now) -> replaceQuestion.set(""));
    }

    /** The folder a report is suggested in: {@code home}/Documents where it exists, else {@code home}. */
    public static Path defaultFolder(Path home) {
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    /**
     * Shows the page for {@code connected}: what the report will hold, from the last status read,
     * and a fresh file name unless the operator typed one of their own.
     */
    public void open(ConnectedDatabase connected, Optional<DatabaseStatus> status) {
        boolean typedOwn = !destination.get().isEmpty() && !destination.get().equals(suggested);
        if (database.get() == null || !database.get().equals(connected) || !typedOwn) {
            suggested = folder.resolve(fileName(connected.database(), LocalDateTime.now(clock))).toString();
            destination.set(suggested);
            exported.set(null);
        }
        database.set(connected);
        replaceQuestion.set("");
        contents.setAll(contents(connected, status));
    }

    /** "cloud-report-2026-12-03-071500.html": the database and when, so that reports never collide by name. */
    static String fileName(String database, LocalDateTime at) {
        return database + "-report-" + STAMP.format(at) + ".html";
    }

    static List<String> contents(ConnectedDatabase db, Optional<DatabaseStatus> status) {
        List<String> lines = new ArrayList<>();
        lines.add(Messages.get("report.contents.versions", db.server(), db.user(), db.host(), String.valueOf(db.port()),
                db.database()));
        status.ifPresentOrElse(s -> {
            StatusReport r = s.report();
            lines.add(Messages.get("report.contents.state", StatusViewModel.sentence(r)));
            String nodes = s.nodes().map(GateReport::nodes).filter(n -> !n.isEmpty())
                    .map(n -> Messages.get("report.contents.nodes", n.size()))
                    .orElse(Messages.get("report.contents.noNodes"));
            lines.add(Messages.get("report.contents.checks", r.plannedSteps().size(),
                    r.checks().map(c -> c.checks().size()).orElse(0), nodes));
            lines.add(Messages.get("report.contents.history", r.history().size(), SupportReport.BACKUP_LIMIT));
        }, () -> lines.add(Messages.get("report.contents.unread")));
        lines.add(Messages.get("report.contents.files"));
        return lines;
    }

    /** Why {@code text} is no file a report can be written to; empty when it is one. Existing files are asked about on export. */
    static String fileError(String text) {
        if (text == null || text.isBlank()) {
            return Messages.get("report.error.empty");
        }
        Path file;
        try {
            file = Path.of(text.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Messages.get("report.error.invalid");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file)) {
            return Messages.get("report.error.directory");
        }
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            return Messages.get("report.error.extension");
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            return Messages.get("report.error.folder", String.valueOf(file.getParent()));
        }
        return "";
    }

    /** The HTML file and the JSON beside it, as the typed destination names them. */
    public Path htmlFile() {
        return Path.of(destination.get().trim()).toAbsolutePath().normalize();
    }

    /** Writes the report, unless a file is in the way: then it asks first ({@link #replaceQuestionProperty()}). */
    public void export() {
        if (primaryDisabled.get()) {
            return;
        }
        Path html = htmlFile();
        Path json = ExportedReport.jsonBeside(html);
        List<String> existing = new ArrayList<>();
        for (Path file : List.of(html, json)) {
            if (Files.exists(file)) {
                existing.add(file.getFileName().toString());
            }
        }
        if (!existing.isEmpty()) {
            replaceQuestion.set(Messages.get("report.replace.question", String.join(" " + Messages.get("report.and") + " ",
                    existing), html.getParent(), existing.size()));
            return;
        }
        write(html, false);
    }

    /** The operator's yes to the question: writes over the existing files. */
    public void replace() {
        if (replaceQuestion.get().isEmpty() || busy.get()) {
            return;
        }
        replaceQuestion.set("");
        write(htmlFile(), true);
    }

    /** The operator's no: nothing is written; they may type another name. */
    public void keep() {
        replaceQuestion.set("");
    }

    private void write(Path html, boolean replace) {
        busy.set(true);
        exported.set(null);
        navigation.log(Messages.get("log.reportWriting", html));
        executor.run(() -> service.exportReport(html, replace), written -> {
            busy.set(false);
            exported.set(written);
            navigation.log(Messages.get("log.reportWritten", written.html(), written.json()));
        }, failure -> {
            busy.set(false);
            navigation.showError(failure);
        });
    }

    static String written(ExportedReport r) {
        String text = Messages.get("report.written", r.html(), r.json(), size(r.bytes()));
        return r.gaps().isEmpty() ? text : text + " " + Messages.get("report.gaps", r.gaps().size(),
                String.join(", ", r.gaps()));
    }

    /** "12 KB", "1.4 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? (bytes + 512) / 1024 + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** How to open what was written: the folder, and that any browser reads the HTML; empty before an export. */
    public StringBinding openHint() {
        return openHint;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get("report.primary"));
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return primaryDisabled;
    }

    /** {@code dbcreator report ... --to FILE --json > FILE.json}: the same two files from a script. */
    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> {
            if (database.get() == null || !destinationError.get().isEmpty()) {
                return "";
            }
            Path html = htmlFile();
            return CliEquivalent.of("report", database.get(), "--to", html.toString(), "--json") + " > "
                    + CliEquivalent.quoted(ExportedReport.jsonBeside(html).toString());
        }, database, destination, destinationError);
    }

    @Override
    public void primary() {
        export();
    }

    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    /** The HTML file to write, as typed or chosen; the JSON goes beside it. */
    public StringProperty destinationProperty() {
        return destination;
    }

    /** Why the destination cannot be written; empty when it can. */
    public StringBinding destinationError() {
        return destinationError;
    }

    /** A few lines on what the report will hold. */
    public ObservableList<String> contents() {
        return contents;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** "report.html exists in ...: replace it?", while the operator has not answered; else empty. */
    public StringProperty replaceQuestionProperty() {
        return replaceQuestion;
    }

    /** What the last export wrote; null before one, and while one runs. */
    public ObjectProperty<ExportedReport> exportedProperty() {
        return exported;
    }

    /** The paths written, their size, and the facts the account could not read; empty before an export. */
    public StringBinding result() {
        return result;
    }
}
