package org.dbcreator.ui.app;

import java.util.Optional;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.RecentConnection;

/** What a page may ask of the window: to move on, and to show a failure in the banner. */
public interface Navigation {

    void showWelcome();

    void showConnect(Journey journey, Optional<RecentConnection> profile);

    /** A database is open: the window shows its status. */
    void connected(ConnectedDatabase database);

    /** Starts the embedded demo and lands on its status. */
    void startDemo();

    void showError(Throwable failure);

    /** The Backup page of the upgrade journey. */
    default void showBackup() {
        throw new UnsupportedOperationException("this window has no Backup page");
    }

    /** The Expand page of the upgrade journey (also where an interrupted expand resumes). */
    default void showExpand() {
        throw new UnsupportedOperationException("this window has no Expand page");
    }

    /** The Restart nodes page, once the database is expanded. */
    default void showRestartNodes() {
        throw new UnsupportedOperationException("this window has no Restart nodes page");
    }

    /** A line for the log drawer. */
    void log(String line);
}
