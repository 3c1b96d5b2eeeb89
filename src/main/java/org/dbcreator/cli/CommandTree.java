package org.dbcreator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * What every verb shares, added in one place so that a new verb cannot forget it: {@code -h} and
 * {@code --help}, and a usage error for {@code --version} where a verb takes a release, since
 * {@code --version} is the tool's own version (picocli would otherwise call it unknown).
 */
final class CommandTree {

    private CommandTree() {}

    static CommandLine complete(CommandLine root) {
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
