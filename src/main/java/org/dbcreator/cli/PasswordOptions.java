package org.dbcreator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.db.Secret;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Option;

/**
 * Where the password comes from. Never from the command line itself: arguments are visible to
 * every user of the machine in the process list. A source given on the command line wins over the
 * profile's, which wins over the default variable {@value #DEFAULT_ENV}.
 */
public final class PasswordOptions {

    static final String DEFAULT_ENV = "DBCREATOR_PASSWORD";

    @Option(names = {"-p", "--password-prompt"}, description = "Ask for the password on the terminal.")
    boolean prompt;

    // No picocli default: a default would hide whether the operator gave the option.
    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from this environment variable (default: " + DEFAULT_ENV + ", if set).")
    String environmentVariable;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of this file.")
    Path file;

    /** The password source given on the command line (never a password), as the option and its value. */
    Map<String, String> given() {
        if (prompt) {
            return Map.of("--password-prompt", "");
        }
        if (file != null) {
            return Map.of("--password-file", file.toString());
        }
        return environmentVariable != null ? Map.of("--password-env", environmentVariable) : Map.of();
    }

    Secret resolve(CliContext context, String user, ConnectionProfile profile) {
        if (prompt) {
            return context.console()
                    .map(console -> Secret.of(console.readPassword("Password for " + user + ": ")))
                    .orElseThrow(() -> unavailable("there is no terminal to ask on"));
        }
        if (file != null) {
            return fromFile(file, "");
        }
        if (environmentVariable != null) {
            return fromVariable(context, environmentVariable, "");
        }
        String fromProfile = " (named in the profile " + profile.file() + ")";
        if (profile.passwordFile().isPresent()) {
            return fromFile(profile.passwordFile().get(), fromProfile);
        }
        if (profile.passwordEnv().isPresent()) {
            return fromVariable(context, profile.passwordEnv().get(), fromProfile);
        }
        String value = context.env().get(DEFAULT_ENV);
        return value == null ? Secret.empty() : Secret.of(value);
    }

    private static Secret fromVariable(CliContext context, String name, String origin) {
        String value = context.env().get(name);
        if (value == null) {
            throw unavailable("the environment variable " + name + origin + " is not set");
        }
        return Secret.of(value);
    }

    private static Secret fromFile(Path file, String origin) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String firstLine = end < 0 ? content : content.substring(0, end);
            return Secret.of(firstLine.endsWith("\r") ? firstLine.substring(0, firstLine.length() - 1) : firstLine);
        } catch (IOException e) {
            throw unavailable("the file " + file + origin + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static DbCreatorException unavailable(String why) {
        return new DbCreatorException(ErrorCode.PASSWORD_UNAVAILABLE, "No password: " + why + ".");
    }
}
