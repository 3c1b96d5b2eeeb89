package org.dbcreator.ui.welcome;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.service.RecentConnection;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Welcome page: three journey cards and the recent connections. */
public final class WelcomeView {

    private final WelcomeViewModel model;

    public WelcomeView(WelcomeViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label(Messages.get("welcome.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label sentence = new Label(Messages.get("welcome.sentence"));
        sentence.setWrapText(true);
        Button upgrade = button("welcome-upgrade", "welcome.upgrade.button", model::upgrade);
        Button demo = button("welcome-demo", "welcome.try.demo", model::tryDemo);
        Button deploy = button("welcome-deploy", "welcome.try.deploy", model::deploy);
        Button inspect = button("welcome-inspect", "welcome.inspect.button", model::inspect);
        HBox cards = new HBox(16,
                card("mdi2a-arrow-up-bold-circle-outline", "welcome.upgrade", upgrade),
                card("mdi2r-rocket-launch-outline", "welcome.try", demo, deploy),
                card("mdi2m-magnify", "welcome.inspect", inspect));
        Label recentTitle = new Label(Messages.get("welcome.recent"));
        recentTitle.getStyleClass().add(Styles.TITLE_4);
        VBox recent = new VBox(4);
        recent.setId("recent-connections");
        Runnable draw = () -> recent.getChildren().setAll(model.recent().isEmpty()
                ? java.util.List.of(muted(Messages.get("welcome.recent.none")))
                : model.recent().stream().map(this::recentLine).toList());
        model.recent().addListener((ListChangeListener<RecentConnection>) c -> draw.run());
        draw.run();
        VBox page = new VBox(14, title, sentence, cards, recentTitle, recent);
        page.getStyleClass().add("page");
        return page;
    }

    private Node recentLine(RecentConnection connection) {
        Hyperlink open = new Hyperlink(connection.name());
        open.setOnAction(e -> model.open(connection));
        Label where = muted(connection.describe(Messages.get("welcome.recent.defaultDatabase")));
        HBox line = new HBox(8, new FontIcon("mdi2d-database-outline"), open, where);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static Node card(String icon, String key, Button... actions) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("card-icon");
        Label title = new Label(Messages.get(key + ".title"), graphic);
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(Messages.get(key + ".text"));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox card = new VBox(10, title, text, grow);
        card.getChildren().addAll(actions);
        card.getStyleClass().add("journey-card");
        card.setMinWidth(0);
        card.setPrefWidth(240);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    private static Button button(String id, String key, Runnable action) {
        Button button = new Button(Messages.get(key));
        button.setId(id);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

}
