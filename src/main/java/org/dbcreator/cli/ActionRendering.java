package org.dbcreator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.error.Remedy;

/**
 * The engine's actions in the command line's words: a sentence and, where a run of the tool does
 * it, the command to run as printed (with the connection the operator gave). JSON carries the
 * action's kind and typed arguments beside the same sentence and command.
 */
final class ActionRendering {

    private ActionRendering() {}

    /** @param command the command line that does it; null for a step outside the tool */
    record Rendered(String kind, Map<String, Object> arguments, String sentence, String command) {
        String text() {
            return command == null ? sentence : sentence + ": " + command;
        }
    }

    /** One line: the sentence, and the command after a colon. */
    static String text(NextAction action, NextSteps steps) {
        return render(action, steps).text();
    }

    static Map<String, Object> json(NextAction action, NextSteps steps) {
        Rendered r = render(action, steps);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", r.kind());
        m.putAll(r.arguments());
        m.put("advice", r.sentence());
        m.put("command", r.command());
        return m;
    }

    static List<Map<String, Object>> json(List<? extends Remedy> fix, NextSteps steps) {
        return fix.stream().filter(NextAction.class::isInstance).map(a -> json((NextAction) a, steps)).toList();
    }

    static Rendered render(NextAction action, NextSteps steps) {
        if (action instanceof NextAction.Deploy a) {
            return run("DEPLOY", args("target", a.target()), "Deploy " + a.target(),
                    steps.command("deploy", "--target", a.target().toString()));
        }
        if (action instanceof NextAction.Upgrade a) {
            return run("UPGRADE", args("from", a.from(), "target", a.target()), "Upgrade from "
                    + a.from() + " to " + a.target() + " (old nodes keep working)",
                    steps.command("upgrade", "--target", a.target().toString()));
        }
        if (action instanceof NextAction.Resume a) {
            return run("RESUME", args("operation", a.operation(), "target", a.target(),
                    "fixRefusedStatementFirst", a.fixRefusedStatementFirst()), (a.fixRefusedStatementFirst()
                            ? "The server refused a statement of the unfinished run: fix the cause it named, then resume"
                            : "Resume") + " the interrupted " + (a.operation() == OperationKind.UPGRADE ? "expand"
                            : a.operation().word()) + " to " + a.target(), resume(a, steps));
        }
        if (action instanceof NextAction.Cleanup a) {
            return run("CLEANUP", args("target", a.target(), "confirmNodesRestarted",
                    a.confirmNodesRestarted()), "Restart the nodes on " + a.target() + " one by one, then clean up",
                    a.confirmNodesRestarted() ? steps.command("cleanup", "--confirm-nodes-restarted")
                            : steps.command("cleanup"));
        }
        if (action instanceof NextAction.Rollback a) {
            return run("ROLLBACK", args("target", a.target()), "Roll the expand back to " + a.target(),
                    steps.command("rollback", "--target", a.target().toString()));
        }
        if (action instanceof NextAction.RollbackExcluding a) {
            List<String> words = new ArrayList<>(List.of("--target", a.target().toString()));
            words.addAll(List.of(excluding(a.nodes()))); // with --confirm-exclusion
            return run("ROLLBACK_EXCLUDING", args("target", a.target(), "nodes", a.nodes()), "Leave out "
                    + String.join(", ", a.nodes()) + " if gone for good (recorded with your name)",
                    steps.command("rollback", words.toArray(String[]::new)));
        }
        if (action instanceof NextAction.RestoreBackupInstead a) {
            return run("RESTORE_BACKUP_INSTEAD", args("database", a.database(), "file", a.file(), "takenSecondsAgo", a.takenAgo().toSeconds()),
                    "Restore the backup taken for this run instead, " + a.file() + " (taken " + age(a.takenAgo())
                            + " ago): every write since then is lost", steps.command("restore", a.file(), "--into", a.database(), "--replace"));
        }
        if (action instanceof NextAction.RestartNodes a) {
            return run("RESTART_NODES", args("release", a.release(), "nodes", a.nodes()),
                    "Restart " + String.join(", ", a.nodes()) + " on " + a.release() + ", or stop them", null);
        }
        if (action instanceof NextAction.WaitForNodes a) {
            return run("WAIT_FOR_NODES", args("release", a.release(), "nodes", a.nodes()),
                    "Let the cleanup wait until " + String.join(", ", a.nodes()) + " run " + a.release(),
                    steps.command("cleanup", "--wait"));
        }
        if (action instanceof NextAction.ExcludeNodes a) {
            return run("EXCLUDE_NODES", args("nodes", a.nodes()), "Leave out "
                    + String.join(", ", a.nodes()) + " if gone for good (recorded with your name)",
                    steps.command("cleanup", excluding(a.nodes())));
        }
        if (action instanceof NextAction.TakeBackup a) {
            return run("TAKE_BACKUP", args(), "Take a verified backup",
                    steps.command("backup", "--to", "DIR"));
        }
        if (action instanceof NextAction.UpgradeWithBackup a) {
            return run("UPGRADE_WITH_BACKUP", args("target", a.target()),
                    "Take a backup within the upgrade", steps.command("upgrade", "--target", a.target().toString(),
                            "--backup-to", "DIR"));
        }
        if (action instanceof NextAction.UpgradeWithoutBackup a) {
            return run("UPGRADE_WITHOUT_BACKUP", args("target", a.target()),
                    "Or upgrade without one (recorded with your name)", steps.command("upgrade", "--target",
                            a.target().toString(), "--skip-backup"));
        }
        if (action instanceof NextAction.RestoreTest a) {
            return run("RESTORE_TEST", args("file", a.file()), "Prove it restorable first",
                    steps.command("backup verify", a.file(), "--restore-test"));
        }
        if (action instanceof NextAction.SkipRestoreTest a) {
            return run("SKIP_RESTORE_TEST", args(),
                    "Or skip the restore test with --no-restore-test (recorded as read back only)", null);
        }
        if (action instanceof NextAction.RestoreReplacing a) {
            return run("RESTORE_REPLACING", args("database", a.database()),
                    "Or restore over '" + a.database() + "' with --replace, which drops what it holds", null);
        }
        if (action instanceof NextAction.ReadLint a) {
            return run("READ_LINT", args(), "Read each finding and its fix",
                    steps.command("lint"));
        }
        if (action instanceof NextAction.Grant a) {
            return run("GRANT", args("privileges", a.privileges().stream().sorted().toList(),
                    "database", a.database()), "GRANT " + a.privileges().stream().sorted().collect(Collectors.joining(", "))
                    + " ON " + (a.database().equals("*") ? "*" : "`" + a.database() + "`") + ".* TO the user", null);
        }
        if (action instanceof NextAction.WaitForLock a) {
            return run("WAIT_FOR_LOCK", args("holder", a.holder()), "Wait until "
                    + a.holder() + " has finished", null);
        }
        if (action instanceof NextAction.EndTransactions a) {
            return run("END_TRANSACTIONS", args("connections", a.connections()),
                    "Ask the owners of connection " + a.connections().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + " to commit, or end them (KILL)", null);
        }
        if (action instanceof NextAction.RestoreReleasedScripts a) {
            return run("RESTORE_RELEASED_SCRIPTS", args("scripts", a.scripts()),
                    "Put back the released text of " + String.join(", ", a.scripts())
                            + "; never change a script once it ran", null);
        }
        if (action instanceof NextAction.UseMatchingRelease a) {
            return run("USE_MATCHING_RELEASE", args("version", a.version()),
                    "Use the DatabaseCreator release whose catalog knows " + a.version(), null);
        }
        if (action instanceof NextAction.UseCatalogOf a) {
            return run("USE_CATALOG_OF", args("product", a.product()),
                    "Use the catalog of " + a.product() + " (--catalog DIR)", null);
        }
        if (action instanceof NextAction.ChooseTarget a) {
            return run("CHOOSE_TARGET", args("atLeast", a.atLeast()),
                    "Ask for " + a.atLeast() + " or a newer release (--target VERSION); the tool never downgrades", null);
        }
        if (action instanceof NextAction.DeployElsewhere a) {
            return run("DEPLOY_ELSEWHERE", args(), "This database holds objects"
                    + " DatabaseCreator does not manage; deploy into another one (--database NAME)", null);
        }
        if (action instanceof NextAction.Nothing a) {
            return run("NOTHING", args("version", a.at()), "Nothing to do: the database is at "
                    + a.at(), null);
        }
        throw new IllegalArgumentException("no rendering for " + action);
    }

    private static String age(java.time.Duration d) {
        long m = d.toMinutes();
        return m < 1 ? d.toSeconds() + " s" : m < 120 ? m + " min" : d.toHours() + " h";
    }

    private static String resume(NextAction.Resume a, NextSteps steps) {
        return switch (a.operation()) {
            case DEPLOY -> steps.command("deploy", "--target", a.target().toString());
            case UPGRADE -> steps.command("upgrade", "--target", a.target().toString());
            case ROLLBACK -> steps.command("rollback", "--target", a.target().toString());
            default -> steps.command(a.operation().word());
        };
    }

    private static String[] excluding(List<String> nodes) {
        List<String> args = new ArrayList<>();
        nodes.forEach(n -> {
            args.add("--exclude-node");
            args.add(n);
        });
        args.add("--confirm-exclusion");
        return args.toArray(String[]::new);
    }

    private static Rendered run(String kind, Map<String, Object> arguments, String sentence, String command) {
        return new Rendered(kind, arguments, sentence, command);
    }

    /** Name-value pairs in order; versions and enums as text. */
    private static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            m.put((String) namesAndValues[i], value instanceof Version || value instanceof Enum<?> ? value.toString() : value);
        }
        return m;
    }
}
