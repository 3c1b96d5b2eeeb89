package org.dbcreator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dbcreator.db.Secret;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Option;

/**
 * Where the password comes from. Never from the command line itself: arguments are visible to
 * every user of the machine in the process list.
 */
public final class PasswordOptions {

    static final String DEFAULT_ENV = "DBCREATOR_PASSWORD";

    @Option(names = {"-p", "--password-prompt"}, description = "Ask for the password on the terminal.")
    boolean prompt;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from this environment variable (default: ${DEFAULT-VALUE} if set).",
            defaultValue = DEFAULT_ENV)
    String environmentVariable;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of this file.")
    Path file;

    Secret resolve(CliContext context, String user) {
        if (prompt) {
            return context.console()
                    .map(console -> Secret.of(console.readPassword("Password for " + user + ": ")))
                    .orElseThrow(() -> unavailable("there is no terminal to ask on"));
        }
        if (file != null) {
            return fromFile();
        }
        String value = context.env().get(environmentVariable);
        if (value != null) {
            return Secret.of(value);
        }
        if (!DEFAULT_ENV.equals(environmentVariable)) {
            throw unavailable("the environment variable " + environmentVariable + " is not set");
        }
        return Secret.empty();
    }

    private Secret fromFile() {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String firstLine = end < 0 ? content : content.substring(0, end);
            return Secret.of(firstLine.endsWith("\r") ? firstLine.substring(0, firstLine.length() - 1) : firstLine);
        } catch (IOException e) {
            throw unavailable("the file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static DbCreatorException unavailable(String why) {
        return new DbCreatorException(ErrorCode.PASSWORD_UNAVAILABLE, "No password: " + why + ".");
    }
}
