package org.dbcreator.ui.connect;

import org.dbcreator.db.ProbeLayer;
import org.dbcreator.engine.ProbeReport;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dbcreator.db.TlsMode;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.service.RecentConnection;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Connect page: layout and bindings of the fields, each with its message as it is typed. */
public final class ConnectView {

    private final ConnectViewModel model;
    private int row;

    public ConnectView(ConnectViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label(Messages.get("connect.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label sentence = new Label();
        sentence.setWrapText(true);
        sentence.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("connect.sentence."
                + model.journeyProperty().get().name().toLowerCase()), model.journeyProperty()));

        ComboBox<RecentConnection> profile = new ComboBox<>(model.profiles());
        profile.setId("connect-profile");
        profile.setPromptText(Messages.get("connect.profile.none"));
        profile.valueProperty().bindBidirectional(model.profileProperty());
        profile.setButtonCell(profileCell());
        profile.setCellFactory(list -> profileCell());
        TextField host = text("connect-host", model.hostProperty());
        TextField port = text("connect-port", model.portProperty());
        port.setPrefColumnCount(6);
        TextField database = text("connect-database", model.databaseProperty());
        TextField user = text("connect-user", model.userProperty());
        PasswordField password = new PasswordField();
        password.setId("connect-password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        ComboBox<TlsMode> tls = new ComboBox<>();
        tls.getItems().setAll(TlsMode.values());
        tls.setId("connect-tls");
        tls.valueProperty().bindBidirectional(model.tlsModeProperty());
        TextField ca = text("connect-ca", model.caFileProperty());
        ca.setPromptText(Messages.get("connect.ca.prompt"));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMaxWidth(460);
        fields.setPrefWidth(460);
        grid.getColumnConstraints().addAll(labels, fields);
        row = 0;
        field(grid, "connect.profile", profile, null);
        field(grid, "connect.host", host, model.hostError());
        field(grid, "connect.port", port, model.portError());
        field(grid, "connect.database", database, model.databaseError());
        field(grid, "connect.user", user, model.userError());
        field(grid, "connect.password", password, model.passwordHint());
        field(grid, "connect.tls", tls, null);
        field(grid, "connect.ca", ca, model.caFileError());

        Button test = new Button(Messages.get("connect.test"), new FontIcon("mdi2l-lan-connect"));
        test.setId("connect-test");
        test.disableProperty().bind(model.validBinding().not().or(model.busyProperty()));
        test.setOnAction(e -> model.testConnection());
        Label result = new Label();
        result.setId("connect-test-result");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        HBox testRow = new HBox(12, test, result);
        testRow.setAlignment(Pos.CENTER_LEFT);
        VBox probe = new VBox(4);
        probe.setId("connect-probe");
        model.probeProperty().addListener((o, was, report) -> probe.getChildren().setAll(report == null
                ? java.util.List.of() : probeLines(report, ConnectViewModel.journeyAccess(report, model.journeyProperty().get()))));
        probe.visibleProperty().bind(model.probeProperty().isNotNull());
        probe.managedProperty().bind(probe.visibleProperty());
        Label never = new Label(Messages.get("connect.password.never"));
        never.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        never.setWrapText(true);
        VBox page = new VBox(14, title, sentence, grid, testRow, probe, never);
        page.getStyleClass().add("page");
        return page;
    }

    private void field(GridPane grid, String key, Control control, StringBinding message) {
        Label label = new Label(Messages.get(key));
        label.setLabelFor(control);
        label.setMnemonicParsing(false);
        control.setMaxWidth(Double.MAX_VALUE);
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        row++;
        if (message != null) {
            Label hint = new Label();
            hint.setId(control.getId() + "-message");
            hint.textProperty().bind(message);
            hint.getStyleClass().add(Styles.TEXT_SMALL);
            hint.visibleProperty().bind(message.isNotEmpty());
            hint.managedProperty().bind(hint.visibleProperty());
            hint.setWrapText(true);
            boolean isError = message != model.passwordHint();
            if (isError) {
                hint.getStyleClass().add(Styles.DANGER);
                message.addListener((o, before, now) -> control.pseudoClassStateChanged(Styles.STATE_DANGER,
                        !now.isEmpty()));
                control.pseudoClassStateChanged(Styles.STATE_DANGER, !message.get().isEmpty());
            } else {
                hint.getStyleClass().add(Styles.TEXT_MUTED);
            }
            grid.add(hint, 1, row);
            row++;
        }
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static ListCell<RecentConnection> profileCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RecentConnection item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? Messages.get("connect.profile.none") : item.name());
            }
        };
    }


    /** @param access what the account may run of the operations the journey takes */
    private static java.util.List<javafx.scene.Node> probeLines(ProbeReport report, java.util.List<ProbeReport.OperationAccess> access) {
        java.util.List<javafx.scene.Node> lines = new java.util.ArrayList<>();
        for (ProbeLayer layer : report.layers()) {
            String icon = switch (layer.status()) {
                case PASSED -> "mdi2c-check-circle";
                case WARNING -> "mdi2a-alert";
                case FAILED -> "mdi2c-close-circle";
                case SKIPPED -> "mdi2m-minus-circle-outline";
            };
            FontIcon light = new FontIcon(icon);
            light.getStyleClass().add("probe-" + layer.status().name().toLowerCase());
            Label text = new Label(ConnectViewModel.layerLine(layer));
            text.setWrapText(true);
            VBox words = new VBox(2, text);
            if (!layer.fix().isBlank()) {
                Label fix = new Label("\u2192 " + layer.fix());
                fix.setWrapText(true);
                fix.getStyleClass().add(Styles.TEXT_MUTED);
                words.getChildren().add(fix);
            }
            if (layer.layer() == ProbeLayer.Layer.TLS) {
                report.certificate().ifPresent(c -> {
                    Label cert = new Label(ConnectViewModel.certificateLine(c));
                    cert.setId("connect-probe-certificate");
                    cert.setWrapText(true);
                    cert.getStyleClass().add(Styles.TEXT_SMALL);
                    words.getChildren().add(cert);
                });
            }
            if (layer.layer() == ProbeLayer.Layer.PRIVILEGES) {
                access.forEach(operation -> {
                    Label line = new Label(ConnectViewModel.accessLine(operation));
                    line.setWrapText(true);
                    line.getStyleClass().addAll(Styles.TEXT_SMALL, operation.allowed() ? Styles.TEXT_MUTED : Styles.WARNING);
                    words.getChildren().add(line);
                });
            }
            HBox row = new HBox(8, light, words);
            row.setId("probe-" + layer.layer().name());
            lines.add(row);
        }
        return lines;
    }
}
