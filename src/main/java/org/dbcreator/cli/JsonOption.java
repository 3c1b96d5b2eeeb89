package org.dbcreator.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * {@code --json} for the verbs that report something: the result (or the error) as one JSON
 * document on standard output, and progress on standard error, so the two never mix.
 */
final class JsonOption {

    /** The option's name, also looked for before parsing, so that a usage error is JSON too. */
    static final String NAME = "--json";

    @Option(names = NAME, description = "Print the result, or the error, as JSON on standard output (progress goes"
            + " to standard error), for scripts.")
    boolean json;

    /** Where progress goes: standard error with {@code --json}, else standard output. */
    PrintStream progress(CliContext context) {
        return json ? context.err() : context.out();
    }
}
