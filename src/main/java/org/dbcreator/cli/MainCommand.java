package org.dbcreator.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.launch.Display;
import org.dbcreator.launch.WizardRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dbcreator", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = {"Deploys and upgrades the MySQL/MariaDB database of a clustered product.",
            "Without a verb it opens the wizard where there is a display, and prints this help where there is none."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            " 1:the operation failed",
            " 2:usage error",
            "30-35:cannot connect (refused, unreachable, authentication, TLS, server, password)",
            "40-44:bad argument, unknown version, missing privileges, confirmation required, a system database",
            "50-57:catalog problem (manifest, missing or invalid script, edited script, migration, expand-unsafe, a script leaves its database, the scripts need another database name)",
            "60-69:database state refuses the operation (not empty, newer, needs upgrade, locked...)",
            "70:the embedded server failed",
            "71:a demo server already runs on that folder",
            "75-79:backup and restore (no backup, destination unwritable or full, bad file, restore refused)",
            "80:nodes not ready: the cleanup gate is shut",
            "81:a node release outside the compatible range",
            "130:cancelled (Ctrl-C): stopped where nothing is half-done; run the same command again to go on"})
final class MainCommand implements Callable<Integer> {

    /** The verbs, in the order the help lists them; {@link CommandTree} adds them (all, or the one a command names). */
    static final List<Class<?>> VERBS = List.of(WizardCommand.class, DemoCommand.class, DeployCommand.class,
            StatusCommand.class, ProbeCommand.class, UpgradeCommand.class, CleanupCommand.class, RollbackCommand.class,
            NodesCommand.class, DemoNodeCommand.class, LintCommand.class, BackupCommand.class, RestoreCommand.class,
            ReportCommand.class, CompletionCommand.class, picocli.CommandLine.HelpCommand.class);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Log what the tool does, for bug reports.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;

    MainCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    /** {@code dbcreator} alone: the window where there is a display, the help where there is none. */
    @Override
    public Integer call() {
        if (Display.available(context.env())) {
            return WizardCommand.open(context, new WizardRequest(false, Optional.empty(), context.env()));
        }
        spec.commandLine().usage(context.out());
        return 0;
    }
}
