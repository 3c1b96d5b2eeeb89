package org.dbcreator.ui.nodes;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Restart nodes page: layout and bindings of what the {@link NodesViewModel} read. */
public final class NodesView {

    private static final double CARD_WIDTH = 250;

    private final NodesViewModel model;

    public NodesView(NodesViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.boardProperty().get() == null
                || model.boardProperty().get().state().isEmpty() ? Messages.get("nodes.title.none")
                : Messages.get("nodes.title", model.boardProperty().get().state().get().targetVersion()),
                model.boardProperty()));
        Label sentence = Labels.wrapped("nodes-sentence");
        sentence.setText(Messages.get("nodes.sentence"));

        Label verdict = Labels.wrapped("nodes-verdict");
        verdict.getStyleClass().add(Styles.TEXT_BOLD);
        verdict.textProperty().bind(model.verdictTextProperty());
        VBox reasons = new VBox(4);
        reasons.setId("nodes-reasons");
        Runnable drawReasons = () -> reasons.getChildren().setAll(model.reasons().stream().map(r -> {
            Label line = new Label(r);
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            return (Node) line;
        }).toList());
        model.reasons().addListener((ListChangeListener<String>) c -> drawReasons.run());
        FontIcon gateIcon = new FontIcon("mdi2g-gate");
        VBox verdictText = new VBox(4, verdict, reasons);
        HBox.setHgrow(verdictText, Priority.ALWAYS);
        HBox gate = new HBox(10, gateIcon, verdictText);
        gate.setId("nodes-gate");
        gate.setAlignment(Pos.TOP_LEFT);
        model.verdictProperty().addListener((o, b, v) -> styleGate(gate, gateIcon, v));
        styleGate(gate, gateIcon, model.verdictProperty().get());
        gate.visibleProperty().bind(model.verdictTextProperty().isNotEmpty());
        gate.managedProperty().bind(gate.visibleProperty());

        Label next = Labels.wrapped("nodes-next");
        next.getStyleClass().add(Styles.TEXT_BOLD);
        next.textProperty().bind(model.suggestedNextProperty());
        next.visibleProperty().bind(model.suggestedNextProperty().isNotEmpty());
        next.managedProperty().bind(next.visibleProperty());

        FlowPane cards = new FlowPane(12, 12);
        cards.setId("nodes-cards");
        Runnable drawCards = () -> cards.getChildren().setAll(model.cards().isEmpty()
                ? List.of(muted(model.boardProperty().get() == null ? Messages.get("nodes.lock.reading")
                        : Messages.get("nodes.cards.none")))
                : model.cards().stream().map(this::card).toList());
        model.cards().addListener((ListChangeListener<NodeCard>) c -> drawCards.run());
        model.boardProperty().addListener((o, b, a) -> drawCards.run());
        drawCards.run();

        Node exclusion = exclusion();

        Label instructions = Labels.wrapped("nodes-instructions");
        instructions.textProperty().bind(model.instructionsProperty());

        Label lock = Labels.wrapped("nodes-cleanup-lock");
        lock.setGraphic(new FontIcon("mdi2l-lock"));
        lock.getStyleClass().add(Styles.WARNING);
        lock.textProperty().bind(model.cleanupLockProperty());
        lock.visibleProperty().bind(model.cleanupLockProperty().isNotEmpty());
        lock.managedProperty().bind(lock.visibleProperty());

        VBox page = new VBox(10, title, sentence, gate, next, lock, heading("nodes.cards"), cards, exclusion,
                heading("nodes.instructions.title"), instructions, abortRow());
        page.getStyleClass().add("page");
        return page;
    }

    /** Abort upgrade: enabled only while a rollback may run, its reason beside it otherwise. */
    private Node abortRow() {
        Button abort = new Button(Messages.get("abort.button"), new FontIcon("mdi2u-undo"));
        abort.setId("nodes-abort");
        abort.getStyleClass().add(Styles.DANGER);
        abort.disableProperty().bind(model.abortAllowed().not().or(model.busyProperty()));
        abort.setOnAction(e -> model.abort());
        abort.setMinWidth(Region.USE_PREF_SIZE); // the reason beside it wraps; the button's words never shrink to "..."
        Label why = Labels.wrapped("nodes-abort-text");
        why.textProperty().bind(model.abortTextProperty());
        HBox.setHgrow(why, Priority.ALWAYS);
        HBox row = new HBox(10, abort, why);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading("rollback.page.title.none"), row);
    }

    private static void styleGate(HBox gate, FontIcon icon, GateReport.Verdict verdict) {
        gate.getStyleClass().removeAll("gate-open", "gate-waiting", "gate-blocked");
        if (verdict == null) {
            gate.getStyleClass().add("gate-waiting");
            icon.setIconLiteral("mdi2i-information-outline");
            return;
        }
        gate.getStyleClass().add("gate-" + verdict.name().toLowerCase());
        icon.setIconLiteral(switch (verdict) {
            case OPEN -> "mdi2c-check-circle";
            case WAITING -> "mdi2t-timer-sand";
            case BLOCKED -> "mdi2a-alert-octagon";
        });
    }

    private Node card(NodeCard card) {
        Label name = new Label(card.name());
        name.getStyleClass().addAll(Styles.TITLE_4);
        Label verdict = new Label(card.verdictText());
        verdict.getStyleClass().add(switch (card.verdict()) {
            case READY -> Styles.SUCCESS;
            case WAITING -> Styles.WARNING;
            case FAILED, BLOCKED -> Styles.DANGER;
            case IGNORED -> Styles.TEXT_MUTED;
        });
        verdict.getStyleClass().add(Styles.TEXT_BOLD);
        HBox header = new HBox(8, name, spacer(), verdict);
        header.setAlignment(Pos.CENTER_LEFT);
        Label release = new Label(Messages.get("nodes.card.release", card.release()));
        Label state = new Label(card.state());
        Label heartbeat = new Label(Messages.get("nodes.card.heartbeat", card.age()));
        Label reason = new Label(card.reason());
        reason.setWrapText(true);
        reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        reason.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(4, header, release, state, heartbeat, reason);
        HBox buttons = new HBox(6);
        HBox backRow = new HBox(6); // Restart on the old release, on a row of its own: three buttons do not fit a card
        if (card.demo()) {
            String target = model.boardProperty().get().state().map(s -> s.targetVersion().toString()).orElse("?");
            Button restart = new Button(Messages.get("nodes.card.restart", target), new FontIcon("mdi2r-restart"));
            restart.setId("node-restart-" + card.name());
            restart.getStyleClass().add(Styles.SMALL);
            restart.disableProperty().bind(model.busyProperty());
            restart.setOnAction(e -> model.restartDemo(card.name()));
            Button kill = new Button(Messages.get("nodes.card.kill"), new FontIcon("mdi2s-skull-outline"));
            kill.setId("node-kill-" + card.name());
            kill.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
            kill.disableProperty().bind(model.busyProperty());
            kill.setOnAction(e -> model.killDemo(card.name()));
            if (!(card.release().equals(target) && card.verdict() == NodeStatus.Verdict.READY)) {
                buttons.getChildren().add(restart); // a live node already on the target has nothing to restart for
            }
            buttons.getChildren().add(kill);
            Optional<org.dbcreator.catalog.Version> old = NodesViewModel.oldRelease(model.boardProperty().get());
            if (old.isPresent() && !old.get().toString().equals(card.release())) {
                Button restartOld = new Button(Messages.get("nodes.restartOld", old.get()), new FontIcon("mdi2u-undo"));
                restartOld.setId("node-restart-old-" + card.name());
                restartOld.getStyleClass().add(Styles.SMALL);
                restartOld.disableProperty().bind(model.busyProperty());
                restartOld.setOnAction(e -> model.restartDemoOnOld(card.name()));
                backRow.getChildren().add(restartOld);
            }
        }
        if (card.excludable()) {
            Button exclude = new Button(Messages.get("nodes.card.exclude"), new FontIcon("mdi2a-account-remove-outline"));
            exclude.setId("node-exclude-" + card.name());
            exclude.getStyleClass().add(Styles.SMALL);
            exclude.setOnAction(e -> model.askToExclude(card.name()));
            buttons.getChildren().add(exclude);
        }
        if (!buttons.getChildren().isEmpty()) {
            box.getChildren().add(buttons);
        }
        if (!backRow.getChildren().isEmpty()) {
            box.getChildren().add(backRow);
        }
        box.setId("node-card-" + card.name());
        box.getStyleClass().addAll("node-card", switch (card.verdict()) {
            case READY -> "node-card-ready";
            case WAITING -> "node-card-waiting";
            case FAILED, BLOCKED -> "node-card-attention";
            case IGNORED -> "node-card-ignored";
        });
        box.setPrefWidth(CARD_WIDTH);
        box.setMinWidth(CARD_WIDTH);
        box.setMaxWidth(CARD_WIDTH);
        box.setAccessibleText(card.name() + ", " + card.verdictText() + ": " + card.reason());
        return box;
    }

    private Node exclusion() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("nodes.exclude.title",
                model.excludingProperty().get()), model.excludingProperty()));
        Label text = Labels.wrapped("nodes-exclude-text");
        text.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("nodes.exclude.text",
                model.excludingProperty().get()), model.excludingProperty()));
        TextField typed = new TextField();
        typed.setId("nodes-exclude-name");
        typed.setPromptText(Messages.get("nodes.exclude.prompt"));
        typed.textProperty().bindBidirectional(model.typedNameProperty());
        typed.setPrefColumnCount(20);
        Button confirm = new Button(Messages.get("nodes.exclude.confirm"));
        confirm.setId("nodes-exclude-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.typedNameProperty().get().strip()
                .equals(model.excludingProperty().get()), model.typedNameProperty(), model.excludingProperty())
                .or(model.busyProperty()));
        confirm.setOnAction(e -> model.confirmExclusion());
        Button cancel = new Button(Messages.get("nodes.exclude.cancel"));
        cancel.setOnAction(e -> model.cancelExclusion());
        HBox row = new HBox(8, typed, confirm, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, text, row);
        box.setId("nodes-exclude");
        box.getStyleClass().add("call-to-action");
        box.visibleProperty().bind(model.excludingProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4, "section");
        return heading;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
