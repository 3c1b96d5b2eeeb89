package org.dbcreator.ui.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The live log: collapsed to a line that counts what is new, open with a filter and a Copy button. */
final class LogDrawer {

    private final LogFeed feed;

    LogDrawer(LogFeed feed) {
        this.feed = feed;
    }

    Parent root() {
        TextField filter = new TextField();
        filter.setId("log-filter");
        filter.setPromptText(Messages.get("log.filter"));
        filter.textProperty().bindBidirectional(feed.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button copy = new Button(Messages.get("bottom.copy"), new FontIcon("mdi2c-content-copy"));
        copy.setId("log-copy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> WizardWindow.copy(feed.shownText()));
        ListView<String> lines = new ListView<>();
        lines.setId("log-lines");
        lines.setPrefHeight(160);
        lines.getStyleClass().addAll(Styles.DENSE, "log-lines");
        feed.shown().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        });
        HBox tools = new HBox(8, filter, copy);
        tools.setAlignment(Pos.CENTER_LEFT);
        TitledPane drawer = new TitledPane();
        drawer.setId("log-drawer");
        drawer.setContent(new VBox(6, tools, lines));
        drawer.setExpanded(false);
        // Closed, the drawer draws nothing but its title (whose count changes at most once a second):
        // during a run lines arrive several times a second, and each redraw took CPU the nodes' server needed.
        drawer.textProperty().bind(Bindings.createStringBinding(this::title, feed.titleCountProperty()));
        drawer.expandedProperty().addListener((o, was, open) -> {
            feed.markSeen();
            lines.setItems(open ? feed.shown() : FXCollections.observableArrayList());
            if (open && !lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        });
        feed.unseenProperty().addListener((o, before, now) -> {
            if (drawer.isExpanded() && now.intValue() > 0) {
                feed.markSeen();
            }
        });
        drawer.getStyleClass().addAll("log-drawer", Styles.DENSE);
        return drawer;
    }

    private String title() {
        int unseen = feed.titleCountProperty().get();
        return unseen == 0 ? Messages.get("log.title") : Messages.get("log.titleNew", unseen);
    }
}
