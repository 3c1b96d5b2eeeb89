package org.dbcreator.ui.app;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Labels the pages share the make of. */
public final class Labels {

    private Labels() {}

    /** A label that wraps its text and grows to show all of it (a page's sentences are never cut). */
    public static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
