package org.dbcreator.ui.app;

/** The pages of this part of the wizard. */
public enum Page {
    WELCOME, CONNECT, STATUS, REPORT, DEPLOY, BACKUP, EXPAND, RESTART_NODES, CLEANUP, DONE, ROLLBACK
}
