package org.dbcreator.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code dbcreator} command and its verbs ({@link MainCommand#VERBS}), with what every verb
 * shares, added in one place so that a new verb cannot forget it: {@code -h} and {@code --help},
 * and a usage error for {@code --version} where a verb takes a release, since {@code --version} is
 * the tool's own version (picocli would otherwise call it unknown).
 *
 * <p>A command that names its verb gets a tree of that verb alone: picocli reads every verb's
 * annotations when it adds it, and doing so for all of them was a tenth to a fifth of a second of
 * every command's start (docs/benchmarks.md). The help, the completion script, a command line
 * without a verb or with an unknown one get them all.
 */
final class CommandTree {

    /** The verbs that show the others: they get the whole tree. */
    private static final Set<String> NEEDING_ALL = Set.of("help", "completion");
    /** The root's options that may come before the verb and still run it (the others print the root's help or version). */
    private static final Set<String> BEFORE_VERB = Set.of("-v", "--verbose");

    private CommandTree() {}

    /** Every verb. */
    static CommandLine full(CliContext context) {
        CommandLine root = new CommandLine(new MainCommand(context));
        MainCommand.VERBS.forEach(root::addSubcommand);
        return complete(root);
    }

    /** The tree that runs {@code args}: only the verb they name when that is enough, else every verb. */
    static CommandLine forArguments(CliContext context, String... args) {
        int at = 0;
        while (at < args.length && BEFORE_VERB.contains(args[at])) {
            at++;
        }
        String named = at < args.length ? args[at] : "";
        for (Class<?> verb : MainCommand.VERBS) {
            String name = verb.getAnnotation(Command.class).name();
            if (name.equals(named) && !NEEDING_ALL.contains(name)) {
                CommandLine root = new CommandLine(new MainCommand(context));
                root.addSubcommand(verb);
                return complete(root);
            }
        }
        return full(context);
    }

    private static CommandLine complete(CommandLine root) {
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help and exit.").build());
            }
            renamed(spec, "--target");
            renamed(spec, "--release");
            complete(sub);
        }
        return root;
    }

    /** A verb with {@code newName} refuses the release's former name, {@code --version}, and names the new one. */
    private static void renamed(CommandSpec spec, String newName) {
        if (spec.findOption(newName) == null || spec.findOption("--version") != null) {
            return;
        }
        spec.addOption(OptionSpec.builder("--version").hidden(true).arity("0..1").type(String.class)
                .parameterConsumer((args, argSpec, command) -> {
                    throw new ParameterException(command.commandLine(), "'" + command.qualifiedName()
                            + " --version' is not an option: --version is the tool's own version; use " + newName
                            + " VERSION for the release.");
                }).build());
    }
}
