package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated completion scripts, run in a real bash as a terminal would. */
class CompletionTest {

    @TempDir
    Path temp;

    @Test
    void bashScriptShouldCompleteAVerbInARealBash() throws Exception {
        List<String> offered = complete("dbcreator up", "dbcreator", "up");
        assertThat(offered).contains("upgrade").doesNotContain("status");
    }

    @Test
    void bashScriptShouldCompleteAVerbsOptions() throws Exception {
        List<String> offered = complete("dbcreator upgrade --ta", "dbcreator", "upgrade", "--ta");
        assertThat(offered).containsExactly("--target");
    }

    @Test
    void zshScriptShouldLoadTheBashOneThroughBashcompinit() {
        DbCreatorCli.Result zsh = DbCreatorCli.run(Map.of(), "completion", "zsh");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).startsWith("#compdef dbcreator").contains("bashcompinit", "complete -F");
    }

    @Test
    void unknownShellShouldBeAUsageError() {
        DbCreatorCli.Result fish = DbCreatorCli.run(Map.of(), "completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(2);
        assertThat(fish.out()).isEmpty();
    }

    /** Sources the script in bash, sets the words typed so far, runs the completion function, returns its offers. */
    private List<String> complete(String line, String... words) throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs bash");
        DbCreatorCli.Result script = DbCreatorCli.run(Map.of(), "completion", "bash");
        assertThat(script.exitCode()).as(script.err()).isZero();
        Path file = Files.writeString(temp.resolve("dbcreator.bash"), script.out());
        String call = "source " + file + "\n"
                + "COMP_WORDS=(" + String.join(" ", words) + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=" + line.length() + "\n"
                + "_complete_dbcreator dbcreator '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process process = new ProcessBuilder(bash.toString(), "--norc", "--noprofile", "-c", call)
                .redirectError(temp.resolve("stderr").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("stderr"))).isZero();
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
