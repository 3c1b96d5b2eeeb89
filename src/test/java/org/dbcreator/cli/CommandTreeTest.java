package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A command that names its verb gets that verb alone, and it behaves as it does in the whole tree. */
class CommandTreeTest {

    private static final CliContext UNUSED = new CliContext(System.out, System.err, Map.of(), Optional.empty());

    static List<String> verbs() {
        return List.copyOf(CommandTree.full(UNUSED).getSubcommands().keySet());
    }

    @Test
    void theWholeTreeShouldListEveryVerbInOrder() {
        assertThat(verbs()).containsExactly("wizard", "demo", "deploy", "status", "probe", "upgrade", "cleanup", "rollback",
                "nodes", "demo-node", "lint", "backup", "restore", "report", "completion", "help");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void aVerbAloneShouldBeTheVerbOfTheWholeTree(String verb) {
        CommandLine alone = CommandTree.forArguments(UNUSED, verb, "--help");
        CommandLine whole = CommandTree.full(UNUSED);
        if (verb.equals("help") || verb.equals("completion")) {
            assertThat(alone.getSubcommands().keySet()).as("they show every verb").containsExactlyElementsOf(verbs());
            return;
        }
        assertThat(alone.getSubcommands().keySet()).containsExactly(verb);
        CommandLine mine = alone.getSubcommands().get(verb);
        CommandLine theirs = whole.getSubcommands().get(verb);
        assertThat(usage(mine)).isEqualTo(usage(theirs));
        assertThat(mine.getSubcommands().keySet()).isEqualTo(theirs.getSubcommands().keySet());
        for (String nested : theirs.getSubcommands().keySet()) {
            assertThat(usage(mine.getSubcommands().get(nested))).isEqualTo(usage(theirs.getSubcommands().get(nested)));
        }
    }

    @Test
    void verboseBeforeTheVerbShouldStillNameIt() {
        assertThat(CommandTree.forArguments(UNUSED, "-v", "--verbose", "status").getSubcommands().keySet())
                .containsExactly("status");
    }

    @Test
    void whatShowsTheVerbsShouldGetThemAll() {
        for (String[] args : List.of(new String[0], new String[] {"--help", "status"}, new String[] {"-V"},
                new String[] {"statu"}, new String[] {"help", "status"}, new String[] {"completion"})) {
            assertThat(CommandTree.forArguments(UNUSED, args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(verbs());
        }
    }

    @Test
    void anUnknownVerbShouldBeAUsageErrorOfTheTool() {
        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), "statsu");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Run 'dbcreator --help'").doesNotContain("statsu");
    }

    private static String usage(CommandLine command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
