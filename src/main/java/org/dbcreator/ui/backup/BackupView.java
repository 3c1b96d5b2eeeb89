package org.dbcreator.ui.backup;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.PageParts;
import org.dbcreator.ui.app.ProgressText;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Backup page: layout and bindings of the {@link BackupViewModel}. */
public final class BackupView {

    private final BackupViewModel model;

    public BackupView(BackupViewModel model) {
        this.model = model;
    }

    /** A verification step as a line that wraps: its mark and name in bold, then what it found. */
    private static Label verificationLine(BackupRow row) {
        Label line = new Label(row.mark().symbol() + "  " + row.name() + (row.detail().isEmpty() ? "" : ": " + row.detail()));
        line.setWrapText(true);
        line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return line;
    }

    public Parent root() {
        Label title = PageParts.title("page.backup.title");
        Label sentence = Labels.wrapped("backup-sentence");
        sentence.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("page.backup.sentence",
                model.databaseNameProperty().get()), model.databaseNameProperty()));

        Label recent = Labels.wrapped("backup-recent");
        recent.textProperty().bind(model.recentBackupProperty());
        Button useRecent = new Button(Messages.get("backup.useRecent"), new FontIcon("mdi2a-arrow-right"));
        useRecent.setId("backup-use-recent");
        useRecent.setOnAction(e -> model.useRecentBackup());
        VBox recentBox = new VBox(6, recent, useRecent);
        recentBox.getStyleClass().add("call-to-action");
        recentBox.visibleProperty().bind(model.recentBackupProperty().isNotEmpty());
        recentBox.managedProperty().bind(recentBox.visibleProperty());

        TextField destination = new TextField();
        destination.setId("backup-destination");
        destination.textProperty().bindBidirectional(model.destinationProperty());
        destination.disableProperty().bind(Bindings.createBooleanBinding(model::isRunning, model.stateProperty()));
        HBox.setHgrow(destination, Priority.ALWAYS);
        Label free = new Label();
        free.setId("backup-free");
        free.getStyleClass().add(Styles.TEXT_MUTED);
        free.textProperty().bind(model.freeSpaceProperty());
        HBox where = new HBox(10, new Label(Messages.get("backup.destination")), destination, free);
        where.setAlignment(Pos.CENTER_LEFT);
        CheckBox restoreTest = new CheckBox(Messages.get("backup.restoreTest"));
        restoreTest.setId("backup-restore-test");
        restoreTest.setWrapText(true);
        restoreTest.selectedProperty().bindBidirectional(model.restoreTestProperty());
        restoreTest.disableProperty().bind(destination.disableProperty());

        TableView<BackupRow> tables = PageParts.table("backup-tables", model.tables(), 200, "backup.tables");
        tables.getColumns().setAll(
                PageParts.column("backup.col.table", r -> r.mark().symbol() + "  " + r.name(), 220),
                PageParts.column("backup.col.rows", r -> ProgressText.count(r.rows()) + (r.expectedRows() >= 0
                        ? " / ~" + ProgressText.count(r.expectedRows()) : ""), 160),
                PageParts.column("backup.col.bytes", r -> ProgressText.bytes(r.bytes()), 100));
        Label timeLeft = new Label();
        timeLeft.setId("backup-time-left");
        timeLeft.textProperty().bind(model.timeLeftProperty());
        VBox verification = new VBox(6);
        verification.setId("backup-verification");
        model.verification().addListener((javafx.collections.ListChangeListener<BackupRow>) c ->
                verification.getChildren().setAll(model.verification().stream().map(BackupView::verificationLine).toList()));
        Button cancel = new Button(Messages.get("backup.cancel"), new FontIcon("mdi2s-stop-circle-outline"));
        cancel.setId("backup-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.stateProperty().isEqualTo(BackupViewModel.State.RUNNING));
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox progress = new HBox(12, timeLeft, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);
        Label summary = Labels.wrapped("backup-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.SUCCESS);

        Label ownExplain = Labels.wrapped("backup-own-explain");
        ownExplain.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("backup.own.explain",
                model.databaseNameProperty().get()), model.databaseNameProperty()));
        TextField typed = new TextField();
        typed.setId("backup-own-name");
        typed.setPromptText(Messages.get("backup.own.prompt"));
        typed.textProperty().bindBidirectional(model.typedNameProperty());
        Button own = new Button(Messages.get("backup.own.confirm"));
        own.setId("backup-own-confirm");
        own.getStyleClass().add(Styles.WARNING);
        own.disableProperty().bind(model.ownBackupConfirmableProperty().not());
        own.setOnAction(e -> model.recordOwnBackup());
        HBox ownLine = new HBox(10, typed, own);
        ownLine.setAlignment(Pos.CENTER_LEFT);
        Label ownRecorded = Labels.wrapped("backup-own-recorded");
        ownRecorded.textProperty().bind(model.ownBackupRecordedProperty());
        ownRecorded.getStyleClass().add(Styles.WARNING);

        VBox page = new VBox(10, title, sentence, recentBox, where, restoreTest,
                PageParts.heading("backup.tables"), tables, progress,
                PageParts.heading("backup.verification"), verification, summary,
                PageParts.heading("backup.own.title"), ownExplain, ownLine, ownRecorded);
        page.getStyleClass().add("page");
        return page;
    }
}
