package org.dbcreator.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {
        "Print a shell completion script for the verbs and their options. Load it in the current shell with",
        "  source <(dbcreator completion bash)     or, in zsh:  source <(dbcreator completion zsh)",
        "or keep it in a file your shell reads at start (e.g. ~/.bashrc, ~/.zshrc)."})
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script is generated for; zsh runs bash's through its bash compatibility. */
    enum Shell { bash, zsh }

    @ParentCommand
    MainCommand main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String bash = AutoComplete.bash("dbcreator", spec.root().commandLine());
        main.context().out().print(shell == Shell.zsh ? zsh(bash) : bash);
        return 0;
    }

    private static String zsh(String bash) {
        return "#compdef dbcreator\n"
                + "# zsh completion for dbcreator: the bash script below, run through zsh's bash compatibility.\n"
                + "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash;
    }
}
