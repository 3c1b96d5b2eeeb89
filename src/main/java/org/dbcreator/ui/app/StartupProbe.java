package org.dbcreator.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;

/**
 * The start-up benchmark's stopwatch (docs/benchmarks.md, "Wizard start and Status"): with
 * {@code -Ddbcreator.startupProbe=FILE} the wizard writes how long it took from the JVM's start to
 * the first frame that shows the Welcome page ready for input, then closes its window as the
 * operator would. Without the property nothing of this runs.
 *
 * <p>Ready means: the window is showing, the page is Welcome and its recent connections are read.
 * The pulse whose layout first sees that state draws the frame; the probe stops the clock at the
 * start of the pulse after it, when that frame has been handed to the renderer.
 */
public final class StartupProbe {

    public static final String PROPERTY = "dbcreator.startupProbe";

    private final Path file;
    private final Stage stage;
    private final ShellViewModel model;
    private boolean drawn;
    private boolean done;

    private StartupProbe(Path file, Stage stage, ShellViewModel model) {
        this.file = file;
        this.stage = stage;
        this.model = model;
    }

    /** Arms the probe on a stage that shows {@code model}, if the property names a file. Call on the FX thread. */
    public static void armIfAsked(Stage stage, ShellViewModel model) {
        Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank())
                .ifPresent(name -> new StartupProbe(Path.of(name), stage, model).arm());
    }

    private void arm() {
        stage.getScene().addPostLayoutPulseListener(() -> drawn = drawn || ready());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (drawn && !done) {
                    done = true;
                    stop();
                    record(System.currentTimeMillis());
                    stage.hide();
                }
            }
        }.start();
    }

    private boolean ready() {
        return stage.isShowing() && model.pageProperty().get() == Page.WELCOME
                && !model.welcome().loadingProperty().get();
    }

    private void record(long frameAt) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String text = "jvmStartToInteractiveMs=" + (frameAt - jvmStart) + "\n"
                + "interactiveAtEpochMs=" + frameAt + "\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the start-up probe " + file, e);
        }
    }
}
