package org.dbcreator.ui.report;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.service.ExportedReport;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Report page: layout and bindings of the {@link ReportViewModel}. */
public final class ReportView {

    private final ReportViewModel model;

    public ReportView(ReportViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.databaseProperty().get() == null
                ? Messages.get("report.title.none") : Messages.get("report.title", model.databaseProperty().get().database()),
                model.databaseProperty()));
        Label sentence = Labels.wrapped("report-sentence");
        sentence.setText(Messages.get("report.sentence"));

        VBox contents = new VBox(4);
        contents.setId("report-contents");
        Runnable draw = () -> contents.getChildren().setAll(model.contents().stream().map(ReportView::bullet).toList());
        model.contents().addListener((ListChangeListener<String>) c -> draw.run());
        draw.run();

        TextField destination = new TextField();
        destination.setId("report-destination");
        destination.textProperty().bindBidirectional(model.destinationProperty());
        destination.setAccessibleText(Messages.get("report.destination"));
        HBox.setHgrow(destination, Priority.ALWAYS);
        Button choose = new Button(Messages.get("report.choose"), new FontIcon("mdi2f-folder-open-outline"));
        choose.setId("report-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> choose(choose));
        HBox destinationRow = new HBox(8, destination, choose);
        destinationRow.setAlignment(Pos.CENTER_LEFT);
        Label error = Labels.wrapped("report-destination-message");
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        error.textProperty().bind(model.destinationError());
        error.visibleProperty().bind(model.destinationError().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.destinationError().addListener((o, before, now) -> destination.pseudoClassStateChanged(Styles.STATE_DANGER,
                !now.isEmpty()));
        destination.pseudoClassStateChanged(Styles.STATE_DANGER, !model.destinationError().get().isEmpty());
        Label jsonBeside = Labels.wrapped("report-json-beside");
        jsonBeside.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        jsonBeside.textProperty().bind(Bindings.createStringBinding(() -> model.destinationError().get().isEmpty()
                ? Messages.get("report.destination.hint", ExportedReport.jsonBeside(model.htmlFile())) : "",
                model.destinationError(), model.destinationProperty()));
        jsonBeside.visibleProperty().bind(jsonBeside.textProperty().isNotEmpty());
        jsonBeside.managedProperty().bind(jsonBeside.visibleProperty());

        VBox page = new VBox(12, title, sentence, heading("report.contents"), contents, heading("report.destination"),
                destinationRow, error, jsonBeside, replaceQuestion(), writing(), result());
        page.getStyleClass().add("page");
        return page;
    }

    /** Asks before a file is written over: Replace, or keep it and type another name. */
    private Node replaceQuestion() {
        Label question = Labels.wrapped("report-replace-question");
        question.textProperty().bind(model.replaceQuestionProperty());
        HBox.setHgrow(question, Priority.ALWAYS);
        Button replace = new Button(Messages.get("report.replace"));
        replace.setId("report-replace");
        replace.getStyleClass().add(Styles.DANGER);
        replace.setMinWidth(Region.USE_PREF_SIZE);
        replace.setOnAction(e -> model.replace());
        Button keep = new Button(Messages.get("report.keep"));
        keep.setId("report-keep");
        keep.setMinWidth(Region.USE_PREF_SIZE);
        keep.setOnAction(e -> model.keep());
        HBox box = new HBox(10, new FontIcon("mdi2f-file-alert-outline"), question, keep, replace);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("call-to-action");
        box.visibleProperty().bind(model.replaceQuestionProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node writing() {
        Label writing = new Label(Messages.get("report.writing"));
        writing.setId("report-writing");
        writing.getStyleClass().add(Styles.TEXT_MUTED);
        writing.visibleProperty().bind(model.busyProperty());
        writing.managedProperty().bind(writing.visibleProperty());
        return writing;
    }

    /** The paths written, Copy buttons, and how to open the folder. */
    private Node result() {
        Label written = Labels.wrapped("report-result");
        written.textProperty().bind(model.result());
        FontIcon done = new FontIcon("mdi2c-check-circle");
        done.getStyleClass().add("check-green");
        written.setGraphic(done);
        written.getStyleClass().add("report-written");
        Button copyPath = new Button(Messages.get("report.copyPath"), new FontIcon("mdi2c-content-copy"));
        copyPath.setId("report-copy-path");
        copyPath.getStyleClass().add(Styles.SMALL);
        copyPath.setOnAction(e -> copy(model.exportedProperty().get().html().toString()));
        Button copyFolder = new Button(Messages.get("report.copyFolder"), new FontIcon("mdi2f-folder-outline"));
        copyFolder.setId("report-copy-folder");
        copyFolder.getStyleClass().add(Styles.SMALL);
        copyFolder.setOnAction(e -> copy(model.exportedProperty().get().html().getParent().toString()));
        Label hint = Labels.wrapped("report-open-hint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(model.openHint());
        VBox box = new VBox(8, written, new HBox(8, copyPath, copyFolder), hint);
        box.setId("report-done");
        box.getStyleClass().add("report-done");
        box.visibleProperty().bind(model.exportedProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void choose(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("report.choose.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html", "*.htm"));
        try {
            Path typed = Path.of(model.destinationProperty().get().trim()).toAbsolutePath();
            if (typed.getParent() != null && Files.isDirectory(typed.getParent())) {
                chooser.setInitialDirectory(typed.getParent().toFile());
            }
            if (typed.getFileName() != null) {
                chooser.setInitialFileName(typed.getFileName().toString());
            }
        } catch (java.nio.file.InvalidPathException typo) {
            // the chooser starts where it likes
        }
        File chosen = chooser.showSaveDialog(owner.getScene().getWindow());
        if (chosen != null) {
            model.destinationProperty().set(chosen.getAbsolutePath());
        }
    }

    private static Node bullet(String line) {
        Label text = new Label(line);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, new FontIcon("mdi2c-circle-small"), text);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        return row;
    }

    private static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4, "section");
        return heading;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
