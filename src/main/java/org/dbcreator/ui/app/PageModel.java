package org.dbcreator.ui.app;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/** What the window's frame shows of the current page: its primary button and that button's command line. */
public interface PageModel {

    ObservableStringValue primaryLabel();

    /** True while the primary action cannot run (invalid fields, a call under way). */
    ObservableBooleanValue primaryDisabled();

    /** The {@code dbcreator} command that does what the primary button does; empty when there is none. */
    ObservableStringValue cliLine();

    void primary();
}
