package org.dbcreator.ui.app;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/** The pieces the journey's pages are built of: a section heading, a dense table, a text column. */
public final class PageParts {

    private PageParts() {}

    public static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4, "section");
        return heading;
    }

    public static Label title(String key) {
        Label title = new Label(Messages.get(key));
        title.getStyleClass().add(Styles.TITLE_2);
        return title;
    }

    public static <T> TableView<T> table(String id, ObservableList<T> items, double height, String emptyKey) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.setPrefHeight(height);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label(Messages.get(emptyKey));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
        return table;
    }

    /** A text column whose cells wrap a long value instead of cutting it. */
    public static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> {
            TableCell<T, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            return cell;
        });
        return column;
    }
}
