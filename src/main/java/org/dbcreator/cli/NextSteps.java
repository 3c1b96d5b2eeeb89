package org.dbcreator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;

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

    private NextSteps(String command, Map<String, String> connection) {
        this.command = command;
        this.connection = connection;
    }

    /** @param connection the connection options as the operator gave them, each with its value (empty for a flag) */
    static NextSteps of(CliContext context, Map<String, String> connection) {
        return new NextSteps(command(context), new LinkedHashMap<>(connection));
    }

    /** Commands as a plain {@code dbcreator} with no connection options: for renderings without a command line. */
    static NextSteps none() {
        return new NextSteps("dbcreator", new LinkedHashMap<>());
    }

    /** The same tool and verbs with other connection options, as given. */
    NextSteps withConnection(Map<String, String> given) {
        return new NextSteps(command, new LinkedHashMap<>(given));
    }

    /** The same, naming {@code database} unless the operator named one (a profile may name another). */
    NextSteps forDatabase(String database) {
        if (connection.containsKey("--database")) {
            return this;
        }
        Map<String, String> named = new LinkedHashMap<>(connection);
        named.put("--database", database);
        return new NextSteps(command, named);
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
        boolean server = VerbOptions.CONNECTION.contains(verb);
        connection.forEach((option, value) -> {
            if (server || (option.equals("--catalog") && VerbOptions.CATALOG.contains(verb))) {
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

    /**
     * Which verbs take a connection, and which a catalog: read from the whole command tree once, when
     * a command is first printed (a command's own tree holds only its verb, see {@link CommandTree}).
     */
    private static final class VerbOptions {

        static final Set<String> CONNECTION;
        static final Set<String> CATALOG;

        static {
            CommandLine root = CommandTree.full(new CliContext(System.out, System.err, Map.of(), java.util.Optional.empty()));
            CONNECTION = verbsWith(root, "--host");
            CATALOG = verbsWith(root, "--catalog");
        }

        private VerbOptions() {}
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
