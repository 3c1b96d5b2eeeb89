package org.dbcreator.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error (exit 2) without echoing what the operator typed that the tool did not
 * understand: picocli repeats unknown options with their values, and an operator used to
 * {@code mysql -p SECRET} or {@code --password SECRET} would see the password printed back, into
 * a terminal log or a CI transcript. Unknown options are named, unknown values only counted.
 */
final class UsageErrors {

    private UsageErrors() {}

    /** What was wrong with the command line, without the values the operator typed that the tool did not know. */
    static String message(ParameterException failure) {
        return failure instanceof UnmatchedArgumentException unmatched ? describe(unmatched.getUnmatched())
                : failure.getMessage();
    }

    static int report(ParameterException failure, PrintStream err) {
        CommandLine command = failure.getCommandLine();
        if (failure instanceof UnmatchedArgumentException unmatched) {
            err.println(Printable.line(message(unmatched)));
            boolean prompted = command.getParseResult() != null && command.getParseResult().hasMatchedOption("-p");
            if (prompted || unmatched.getUnmatched().stream().anyMatch(UsageErrors::looksLikePassword)) {
                err.println("The password is never given on the command line, where every user of the machine can read"
                        + " it: use --password-env VAR, --password-file FILE or --password-prompt.");
            }
        } else {
            err.println(Printable.line(failure.getMessage()));
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** e.g. "Unknown option: --password (and 1 more value, not shown)." */
    static String describe(List<String> unmatched) {
        List<String> options = new ArrayList<>();
        int values = 0;
        for (String token : unmatched) {
            String name = optionName(token);
            if (name.isEmpty()) {
                values++;
            } else if (!options.contains(name)) {
                options.add(name);
            }
        }
        String shown = values == 0 ? "" : values + " unexpected value" + (values == 1 ? "" : "s") + ", not shown";
        if (options.isEmpty()) {
            return "Unexpected argument (" + shown + ").";
        }
        return "Unknown option" + (options.size() == 1 ? "" : "s") + ": " + String.join(", ", options)
                + (shown.isEmpty() ? "" : " (and " + shown + ")") + ".";
    }

    /** The option's name without any value: "--password" of "--password=x", "-p" of "-pSECRET"; empty for a value. */
    static String optionName(String token) {
        if (token.startsWith("--") && token.length() > 2) {
            int equals = token.indexOf('=');
            return equals < 0 ? token : token.substring(0, equals);
        }
        if (token.startsWith("-") && token.length() > 1 && !Character.isDigit(token.charAt(1))) {
            return token.substring(0, 2);
        }
        return "";
    }

    private static boolean looksLikePassword(String token) {
        String name = optionName(token);
        return name.equals("--password") || name.equals("--pass") || name.equals("--pwd") || token.startsWith("-p") && token.length() > 2;
    }
}
