package org.dbcreator.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.ui.service.ConnectedDatabase;

/**
 * The engine's typed next actions in the wizard's words (from the resource bundle), and the
 * {@code dbcreator} command that does the same where a run of the tool does it, built here from
 * the same action so that the engine holds no command-line words.
 */
public final class ActionWords {

    private ActionWords() {}

    /** What to do, in one sentence for the operator. */
    public static String text(NextAction action) {
        if (action instanceof NextAction.Deploy a) {
            return Messages.get("action.deploy", a.target());
        }
        if (action instanceof NextAction.Upgrade a) {
            return Messages.get("action.upgrade", a.from(), a.target());
        }
        if (action instanceof NextAction.Resume a) {
            return Messages.get(a.fixRefusedStatementFirst() ? "action.resume.fixFirst" : "action.resume",
                    Messages.get("operation." + a.operation().name()), a.target());
        }
        if (action instanceof NextAction.Cleanup a) {
            return Messages.get(a.confirmNodesRestarted() ? "action.cleanup.confirm" : "action.cleanup", a.target());
        }
        if (action instanceof NextAction.RestartNodes a) {
            return Messages.get("action.restartNodes", String.join(", ", a.nodes()), a.release());
        }
        if (action instanceof NextAction.WaitForNodes a) {
            return Messages.get("action.waitForNodes", String.join(", ", a.nodes()), a.release());
        }
        if (action instanceof NextAction.ExcludeNodes a) {
            return Messages.get("action.excludeNodes", String.join(", ", a.nodes()));
        }
        if (action instanceof NextAction.TakeBackup) {
            return Messages.get("action.takeBackup");
        }
        if (action instanceof NextAction.UpgradeWithBackup a) {
            return Messages.get("action.upgradeWithBackup", a.target());
        }
        if (action instanceof NextAction.UpgradeWithoutBackup a) {
            return Messages.get("action.upgradeWithoutBackup", a.target());
        }
        if (action instanceof NextAction.RestoreTest a) {
            return Messages.get("action.restoreTest", a.file());
        }
        if (action instanceof NextAction.SkipRestoreTest) {
            return Messages.get("action.skipRestoreTest");
        }
        if (action instanceof NextAction.RestoreReplacing a) {
            return Messages.get("action.restoreReplacing", a.database());
        }
        if (action instanceof NextAction.ReadLint) {
            return Messages.get("action.readLint");
        }
        if (action instanceof NextAction.Grant a) {
            return Messages.get("action.grant", a.privileges().stream().sorted().collect(Collectors.joining(", ")),
                    a.database().equals("*") ? "*" : "`" + a.database() + "`");
        }
        if (action instanceof NextAction.WaitForLock a) {
            return Messages.get("action.waitForLock", a.holder());
        }
        if (action instanceof NextAction.EndTransactions a) {
            return Messages.get("action.endTransactions",
                    a.connections().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (action instanceof NextAction.RestoreReleasedScripts a) {
            return Messages.get("action.restoreReleasedScripts", String.join(", ", a.scripts()));
        }
        if (action instanceof NextAction.UseMatchingRelease a) {
            return Messages.get("action.useMatchingRelease", a.version());
        }
        if (action instanceof NextAction.UseCatalogOf a) {
            return Messages.get("action.useCatalogOf", a.product());
        }
        if (action instanceof NextAction.ChooseTarget a) {
            return Messages.get("action.chooseTarget", a.atLeast());
        }
        if (action instanceof NextAction.DeployElsewhere) {
            return Messages.get("action.deployElsewhere");
        }
        if (action instanceof NextAction.Nothing a) {
            return Messages.get("action.nothing", a.at());
        }
        if (action instanceof NextAction.Rollback a) {
            return Messages.get("action.rollback", a.target());
        }
        if (action instanceof NextAction.RollbackExcluding a) {
            return Messages.get("action.rollbackExcluding", String.join(", ", a.nodes()), a.target());
        }
        if (action instanceof NextAction.RestoreBackupInstead a) {
            return Messages.get("action.restoreBackupInstead", a.file(), a.takenAgo().toMinutes());
        }
        throw new IllegalArgumentException("no words for " + action);
    }

    /** The command that does it with this connection; empty for a step outside the tool. */
    public static Optional<String> command(NextAction action, ConnectedDatabase db) {
        String[] words = verb(action);
        if (words == null) {
            return Optional.empty();
        }
        String[] more = java.util.Arrays.copyOfRange(words, 1, words.length);
        return Optional.of(CliEquivalent.of(words[0], db, more));
    }

    /** The verb and its options, or null when no run of the tool does it. */
    static String[] verb(NextAction action) {
        if (action instanceof NextAction.Deploy a) {
            return new String[] {"deploy", "--target", a.target().toString()};
        }
        if (action instanceof NextAction.Upgrade a) {
            return new String[] {"upgrade", "--target", a.target().toString()};
        }
        if (action instanceof NextAction.Rollback a) {
            return new String[] {"rollback", "--target", a.target().toString()};
        }
        if (action instanceof NextAction.Resume a) {
            return a.operation() == OperationKind.DEPLOY || a.operation() == OperationKind.UPGRADE
                    ? new String[] {a.operation().name().toLowerCase(java.util.Locale.ROOT), "--target", a.target().toString()}
                    : new String[] {a.operation().name().toLowerCase(java.util.Locale.ROOT)};
        }
        if (action instanceof NextAction.Cleanup a) {
            return a.confirmNodesRestarted() ? new String[] {"cleanup", "--confirm-nodes-restarted"} : new String[] {"cleanup"};
        }
        if (action instanceof NextAction.WaitForNodes) {
            return new String[] {"cleanup", "--wait"};
        }
        if (action instanceof NextAction.ExcludeNodes a) {
            List<String> words = new ArrayList<>(List.of("cleanup"));
            a.nodes().forEach(n -> words.addAll(List.of("--exclude-node", n)));
            words.add("--confirm-exclusion");
            return words.toArray(String[]::new);
        }
        if (action instanceof NextAction.TakeBackup) {
            return new String[] {"backup", "--to", "DIR"};
        }
        if (action instanceof NextAction.UpgradeWithBackup a) {
            return new String[] {"upgrade", "--target", a.target().toString(), "--backup-to", "DIR"};
        }
        if (action instanceof NextAction.UpgradeWithoutBackup a) {
            return new String[] {"upgrade", "--target", a.target().toString(), "--skip-backup"};
        }
        if (action instanceof NextAction.RestoreTest a) {
            return new String[] {"backup verify", a.file(), "--restore-test"};
        }
        if (action instanceof NextAction.ReadLint) {
            return new String[] {"lint"};
        }
        return null;
    }
}
