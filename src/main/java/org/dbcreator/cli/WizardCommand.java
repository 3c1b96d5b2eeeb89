package org.dbcreator.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.launch.Display;
import org.dbcreator.launch.Wizard;
import org.dbcreator.launch.WizardRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "wizard", description = {
        "Open the step-by-step window: connect, read the database's state, try the demo. Needs a display;",
        "every step it takes is also a command of this tool."})
final class WizardCommand implements Callable<Integer> {

    static final int NO_WINDOW = 2;

    @ParentCommand
    MainCommand main;

    @Option(names = "--demo", description = "Start the embedded demo database (as 'dbcreator demo' does) and open on its status.")
    boolean demo;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "Open the Connect page with this connection profile.")
    String profile;

    @Override
    public Integer call() {
        return open(main.context(), new WizardRequest(demo, Optional.ofNullable(profile), main.context().env()));
    }

    /** Opens the window, or says in one line why it cannot and what to use instead. */
    static int open(CliContext context, WizardRequest request) {
        if (!Display.available(context.env())) {
            return refuse(context, "there is no display (DISPLAY or WAYLAND_DISPLAY is not set)");
        }
        Optional<Wizard> wizard = Wizard.installed();
        if (wizard.isEmpty()) {
            return refuse(context, "this build has no desktop toolkit");
        }
        try {
            return wizard.get().open(request);
        } catch (Wizard.Unavailable unavailable) {
            return refuse(context, unavailable.getMessage());
        }
    }

    private static int refuse(CliContext context, String why) {
        context.err().println("dbcreator: the wizard cannot open: " + Printable.line(why)
                + ". Use the command line instead: dbcreator --help lists its commands (dbcreator demo, status, upgrade...).");
        return NO_WINDOW;
    }
}
