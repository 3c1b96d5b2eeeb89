package org.dbcreator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Makes a suggested command ("… : dbcreator upgrade --database cloud --target 4.3.0") runnable as
 * printed: the tool's name as the operator started it ({@code ./dbcreator} through the launcher) and
 * the connection the operator gave, so that it reaches the same server with the same account.
 * Until the engine returns its next action as data, the CLI finds the command in the engine's text.
 */
final class NextSteps implements UnaryOperator<String> {

    /** Set by the {@code ./dbcreator} launcher to the path it was started by. */
    static final String COMMAND_VARIABLE = "DBCREATOR_COMMAND";

    private static final Pattern SUGGESTED = Pattern.compile("(?<![\\w/.-])dbcreator (backup verify|[a-z][a-z-]*)");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final String command;
    private final Map<String, String> connection;
    private final Set<String> verbsWithConnection;

    private NextSteps(String command, Map<String, String> connection, Set<String> verbsWithConnection) {
        this.command = command;
        this.connection = connection;
        this.verbsWithConnection = verbsWithConnection;
    }

    /** @param connection the connection options as the operator gave them, each with its value (empty for a flag) */
    static NextSteps of(CliContext context, CommandSpec anyCommand, Map<String, String> connection) {
        return new NextSteps(command(context), new LinkedHashMap<>(connection),
                verbsWithConnection(anyCommand.root().commandLine()));
    }

    /** The tool's name to print in a command line. */
    private static String command(CliContext context) {
        String given = context.env().get(COMMAND_VARIABLE);
        return given == null || given.isBlank() ? "dbcreator" : quote(given);
    }

    @Override
    public String apply(String text) {
        Matcher m = SUGGESTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String verb = m.group(1);
            StringBuilder replacement = new StringBuilder(command).append(' ').append(verb);
            if (verbsWithConnection.contains(verb)) {
                boolean namesDatabase = text.indexOf("--database ", m.end()) >= 0;
                connection.forEach((option, value) -> {
                    if (!(option.equals("--database") && namesDatabase)) {
                        replacement.append(' ').append(option).append(value.isEmpty() ? "" : " " + quote(value));
                    }
                });
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.toString()));
        }
        return m.appendTail(out).toString();
    }

    /** A word as a POSIX shell reads it back: as is when plain, else in single quotes. */
    static String quote(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static Set<String> verbsWithConnection(CommandLine root) {
        List<String> verbs = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().findOption("--host") != null) {
                verbs.add(name);
            }
            sub.getSubcommands().forEach((nested, subSub) -> {
                if (subSub.getCommandSpec().findOption("--host") != null) {
                    verbs.add(name + " " + nested);
                }
            });
        });
        return Set.copyOf(verbs);
    }
}
