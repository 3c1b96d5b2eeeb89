package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb, nested ones too, answers --help and -h with its usage, as a Unix tool does. */
class HelpTest {

    /** Every verb's words, e.g. [status], [backup, verify], found by walking the command tree. */
    static List<List<String>> verbs() {
        CliContext unused = new CliContext(System.out, System.err, Map.of(), Optional.empty());
        List<List<String>> verbs = new ArrayList<>();
        walk(CommandTree.full(unused), List.of(), verbs);
        return verbs;
    }

    private static void walk(CommandLine command, List<String> words, List<List<String>> verbs) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> path = new ArrayList<>(words);
            path.add(name);
            verbs.add(path);
            walk(sub, path, verbs);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void everyVerbShouldPrintItsUsageForHelpAndH(List<String> verb) {
        for (String help : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(verb);
            args.add(help);
            DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), args.toArray(String[]::new));
            assertThat(result.exitCode()).as(args + ": " + result.all()).isZero();
            assertThat(result.out()).as(args.toString()).contains("Usage: dbcreator " + String.join(" ", verb) + " ");
            assertThat(result.err()).as(args.toString()).isEmpty();
        }
    }

    @Test
    void theTreeShouldHoldTheNestedVerbs() {
        assertThat(verbs()).contains(List.of("status"), List.of("backup", "verify"), List.of("help"));
    }

    @Test
    void helpVerbShouldPrintTheNamedVerbsUsage() {
        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "help", "upgrade");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: dbcreator upgrade").contains("--target", "--backup-to");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void versionShouldPrintTheToolsOwnVersion() {
        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("dbcreator " + ToolVersion.current() + System.lineSeparator());
    }
}
