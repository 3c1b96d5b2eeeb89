package org.dbcreator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes a command the operator can run as printed: the tool's name as the operator started it
 * ({@code ./dbcreator} through the launcher) and the connection the operator gave, so that it
 * reaches the same server with the same account, then the verb's own arguments.
 */
final class NextSteps {

    /** Set by the {@code ./dbcreator} launcher to the path it was started by. */
    static final String COMMAND_VARIABLE = "DBCREATOR_COMMAND";

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final String command;
    private final Map<String, String> connection;
    private final Set<String> verbsWithConnection;
    private final Set<String> verbsWithCatalog;

    private NextSteps(String command, Map<String, String> connection, Set<String> verbsWithConnection,
            Set<String> verbsWithCatalog) {
        this.command = command;
        this.connection = connection;
        this.verbsWithConnection = verbsWithConnection;
        this.verbsWithCatalog = verbsWithCatalog;
    }

    /** @param connection the connection options as the operator gave them, each with its value (empty for a flag) */
    static NextSteps of(CliContext context, CommandSpec anyCommand, Map<String, String> connection) {
        CommandLine root = anyCommand.root().commandLine();
        return new NextSteps(command(context), new LinkedHashMap<>(connection), verbsWith(root, "--host"),
                verbsWith(root, "--catalog"));
    }

    /** Commands as a plain {@code dbcreator} with no connection options: for renderings without a command line. */
    static NextSteps none() {
        CliContext unused = new CliContext(System.out, System.err, Map.of(), java.util.Optional.empty());
        return of(unused, new CommandLine(new MainCommand(unused)).getCommandSpec(), Map.of());
    }

    /** The same tool and verbs with other connection options, as given. */
    NextSteps withConnection(Map<String, String> given) {
        return new NextSteps(command, new LinkedHashMap<>(given), verbsWithConnection, verbsWithCatalog);
    }

    /** The same, naming {@code database} unless the operator named one (a profile may name another). */
    NextSteps forDatabase(String database) {
        if (connection.containsKey("--database")) {
            return this;
        }
        Map<String, String> named = new LinkedHashMap<>(connection);
        named.put("--database", database);
        return new NextSteps(command, named, verbsWithConnection, verbsWithCatalog);
    }

    /** The tool's name to print in a command line. */
    private static String command(CliContext context) {
        String given = context.env().get(COMMAND_VARIABLE);
        return given == null || given.isBlank() ? "dbcreator" : quote(given);
    }

    /**
     * A command line: the tool, the verb (e.g. "upgrade", "backup verify"), the connection as given
     * (only the catalog for a verb without a server), then {@code arguments}, each quoted for the shell.
     */
    String command(String verb, String... arguments) {
        StringBuilder out = new StringBuilder(command).append(' ').append(verb);
        boolean server = verbsWithConnection.contains(verb);
        connection.forEach((option, value) -> {
            if (server || (option.equals("--catalog") && verbsWithCatalog.contains(verb))) {
                out.append(' ').append(option).append(value.isEmpty() ? "" : " " + quote(value));
            }
        });
        for (String argument : arguments) {
            out.append(' ').append(argument.startsWith("--") ? argument : quote(argument));
        }
        return out.toString();
    }

    /** A word as a POSIX shell reads it back: as is when plain, else in single quotes. */
    static String quote(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static Set<String> verbsWith(CommandLine root, String option) {
        List<String> verbs = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().findOption(option) != null) {
                verbs.add(name);
            }
            sub.getSubcommands().forEach((nested, subSub) -> {
                if (subSub.getCommandSpec().findOption(option) != null) {
                    verbs.add(name + " " + nested);
                }
            });
        });
        return Set.copyOf(verbs);
    }
}
