package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every verb that reports something takes --json, and with it a refused input is JSON too: the
 * code, the exit code, what went wrong and what to do, on standard output, where a script reads it.
 * Each bad input is refused before anything connects, so no server is needed.
 */
class JsonErrorTest {

    /** A bad input for each verb with --json, and the code it is refused with. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("status", "--port", "0"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("nodes", "--port", "70000"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("probe", "--port", "0"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("upgrade", "--target", "four"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("cleanup", "--port", "0"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("cleanup", "--wait", "soon"), "USAGE"),
                Arguments.of(List.of("rollback", "--target", "four"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("deploy", "--sample-rows", "-1"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("backup", "--connections", "0"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("backup", "verify", "no-such-backup.sql.gz"), "BACKUP_NOT_A_DUMP"),
                Arguments.of(List.of("restore", "no-such-backup.sql.gz", "--into", "copy", "--connections", "99"),
                        "INVALID_ARGUMENT"),
                Arguments.of(List.of("demo", "--no-wait", "--nodes", "-1"), "INVALID_ARGUMENT"),
                Arguments.of(List.of("lint", "--catalog", "no-such-catalog"), "MANIFEST_INVALID"),
                Arguments.of(List.of("report", "--to", "pom.xml"), "INVALID_ARGUMENT"), // exists, and no --force
                Arguments.of(List.of("status", "--no-such-option"), "USAGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputWithJsonShouldPrintTheErrorAsJson(List<String> words, String code) throws Exception {
        List<String> args = new ArrayList<>(words);
        args.add(JsonOption.NAME);

        DbCreatorCli.Result result = DbCreatorCli.run(Map.of(), args.toArray(String[]::new));

        JsonNode error = new ObjectMapper().readTree(result.out()).path("error");
        assertThat(error.path("code").asText()).as(result.all()).isEqualTo(code);
        assertThat(error.path("exitCode").asInt()).isEqualTo(result.exitCode()).isNotZero();
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("advice").asText()).isNotBlank();
        assertThat(error.path("fix").isArray()).isTrue();
        assertThat(result.err()).as("the person at the terminal reads it too").contains(code.equals("USAGE") ? "--help"
                : "error " + code);
    }

    /** The list above names every verb that takes --json: a new one must bring a bad input of its own. */
    @Test
    void everyVerbWithJsonShouldHaveABadInputAbove() {
        CliContext unused = new CliContext(System.out, System.err, Map.of(), Optional.empty());
        List<String> withJson = new ArrayList<>();
        walk(CommandTree.full(unused), "", withJson);
        List<String> tested = badInputs().map(a -> (List<?>) a.get()[0])
                .map(words -> words.get(0) + (words.get(0).equals("backup") && words.get(1).equals("verify") ? " verify" : ""))
                .distinct().toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(withJson);
        assertThat(withJson).contains("status", "probe", "nodes", "upgrade", "cleanup", "deploy", "backup", "backup verify",
                "restore", "demo", "lint");
    }

    private static void walk(CommandLine command, String prefix, List<String> withJson) {
        command.getSubcommands().forEach((name, sub) -> {
            String verb = prefix + name;
            if (sub.getCommandSpec().findOption(JsonOption.NAME) != null) {
                withJson.add(verb);
            }
            walk(sub, verb + " ", withJson);
        });
    }
}
