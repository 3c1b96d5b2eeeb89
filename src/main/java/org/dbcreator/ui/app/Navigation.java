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

    /** The deploy page, for the open database (absent or empty); a navigation without one ignores it. */
    default void showDeploy() { }

    /**
     * The Done page: a journey finished (a deploy, or an upgrade after its cleanup), read from the
     * server now; a navigation without one ignores it.
     */
    default void showDone() { }

    /** The open database's Status page, read again; a navigation without one ignores it. */
    default void showStatus() { }

    /** Opens the Report page for the open database (the inspect journey); a navigation without one ignores it. */
    default void showReport() { }

    void showError(Throwable failure);

    /** The Backup page of the upgrade journey (defaults do nothing: for a test's own navigation). */
    default void showBackup() { }

    /** The Expand page of the upgrade journey (also where an interrupted expand resumes). */
    default void showExpand() { }

    /** The Restart nodes page of the open database (defaults do nothing: for a test's own navigation). */
    default void showRestartNodes() { }

    /** The Cleanup page of the open database. */
    default void showCleanup() { }

    /** The Abort upgrade (rollback) page of the open database; a navigation without one ignores it. */
    default void showRollback() { }

    /** A line for the log drawer. */
    void log(String line);
}
