package org.dbcreator.engine;

import java.util.List;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.Remedy;

/**
 * What the operator can do next, as data: the status report's next action, and the fix of a
 * pre-flight check or a failure (a list of them means any one helps). Runs of the tool come first,
 * then steps outside it. Front ends render them: the command line as a command with the connection
 * the operator gave, the wizard as a button or an instruction.
 */
public sealed interface NextAction extends Remedy {

    /** Deploy {@code target} into the absent or empty database. */
    record Deploy(Version target) implements NextAction {}

    /** Expand from {@code from} to {@code target}; nodes of {@code from} keep working. */
    record Upgrade(Version from, Version target) implements NextAction {}

    /**
     * Run the interrupted deploy, expand or cleanup again: it resumes where it stopped.
     *
     * @param fixRefusedStatementFirst the server refused a statement of the run: its cause (the
     *     server's message) must be fixed first, or the statement is refused again
     */
    record Resume(OperationKind operation, Version target, boolean fixRefusedStatementFirst) implements NextAction {}

    /**
     * Restart every node on {@code target}, then run the cleanup.
     *
     * @param confirmNodesRestarted the product has no node registry: the operator confirms the restart
     */
    record Cleanup(Version target, boolean confirmNodesRestarted) implements NextAction {}

    /** Roll the expanded steps back to {@code target}; nodes newer than it must be restarted on it first. */
    record Rollback(Version target) implements NextAction {}

    /** Roll back to {@code target}, leaving out the named stale nodes (confirmed and recorded). */
    record RollbackExcluding(Version target, List<String> nodes) implements NextAction {
        public RollbackExcluding {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * No way back by rollback: restore the backup taken for this run instead, which loses every
     * write since {@code takenAgo} ago.
     *
     * @param database the database it replaces
     * @param file the backup file as recorded
     * @param takenAgo how long ago (server clock) the backup was complete
     */
    record RestoreBackupInstead(String database, String file, java.time.Duration takenAgo) implements NextAction {}

    /** Restart (or stop for good) the named nodes on {@code release}. */
    record RestartNodes(Version release, List<String> nodes) implements NextAction {
        public RestartNodes {
            nodes = List.copyOf(nodes);
        }
    }

    /** Let the cleanup wait until the named nodes run {@code release}. */
    record WaitForNodes(Version release, List<String> nodes) implements NextAction {
        public WaitForNodes {
            nodes = List.copyOf(nodes);
        }
    }

    /** Declare stale nodes gone for good, so that the cleanup leaves them out (confirmed and recorded). */
    record ExcludeNodes(List<String> nodes) implements NextAction {
        public ExcludeNodes {
            nodes = List.copyOf(nodes);
        }
    }

    /** Take a verified backup of the database. */
    record TakeBackup() implements NextAction {}

    /** Upgrade to {@code target}, taking a backup first and proving it restorable. */
    record UpgradeWithBackup(Version target) implements NextAction {}

    /** Upgrade to {@code target} without a backup; the skip is recorded with who and when. */
    record UpgradeWithoutBackup(Version target) implements NextAction {}

    /** Prove a recorded backup restorable: restore {@code file} into a scratch database and compare. */
    record RestoreTest(String file) implements NextAction {}

    /** Take the backup without its restore test (recorded as read back only). */
    record SkipRestoreTest() implements NextAction {}

    /** Restore over the database's contents, which are dropped first. */
    record RestoreReplacing(String database) implements NextAction {}

    /** Read the lint's findings; each names its line and its fix. */
    record ReadLint() implements NextAction {}

    /** Grant {@code privileges} on {@code database} (a name, or a LIKE pattern such as {@code app\_%}) to the user. */
    record Grant(Set<String> privileges, String database) implements NextAction {
        public Grant {
            privileges = Set.copyOf(privileges);
        }
    }

    /** Wait until the operator who holds the lock has finished. */
    record WaitForLock(String holder) implements NextAction {}

    /** Ask the owners of these server connections to commit, or end them. */
    record EndTransactions(List<Long> connections) implements NextAction {
        public EndTransactions {
            connections = List.copyOf(connections);
        }
    }

    /** Put back the released text of scripts edited after they ran. */
    record RestoreReleasedScripts(List<String> scripts) implements NextAction {
        public RestoreReleasedScripts {
            scripts = List.copyOf(scripts);
        }
    }

    /** Use the DatabaseCreator release whose catalog knows {@code version}. */
    record UseMatchingRelease(Version version) implements NextAction {}

    /** Use the catalog of {@code product}, which the database holds. */
    record UseCatalogOf(String product) implements NextAction {}

    /** Ask for {@code atLeast} or a newer release: the tool never downgrades. */
    record ChooseTarget(Version atLeast) implements NextAction {}

    /** Deploy into another database: this one holds objects DatabaseCreator does not manage. */
    record DeployElsewhere() implements NextAction {}

    /** Nothing to do: the database is at {@code at}. */
    record Nothing(Version at) implements NextAction {}
}
