package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dbcreator.launch.Wizard;
import org.dbcreator.launch.WizardRequest;

/** Starts JavaFX, shows the wizard and waits until its window is closed (found by the command line as a {@link Wizard}). */
public final class WizardLauncher implements Wizard {

    /** How long closing may take: disconnecting, stopping the demo nodes and the demo server. */
    private static final Duration CLOSING = Duration.ofSeconds(60);

    @Override
    public int open(WizardRequest request) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<WizardApp> opened = new AtomicReference<>();
        Runnable show = () -> {
            Stage stage = new Stage();
            WizardApp app = WizardApp.create(request.env());
            opened.set(app);
            app.show(stage, request);
            StartupProbe.armIfAsked(stage, app.model());
            stage.setOnHidden(e -> {
                app.close();
                closed.countDown();
            });
        };
        try {
            Platform.setImplicitExit(false);
            Platform.startup(show);
        } catch (IllegalStateException alreadyRunning) {
            FxExecutor.onFxThread(show);
        } catch (RuntimeException | LinkageError noToolkit) {
            throw new Unavailable("JavaFX cannot start here (" + noToolkit.getMessage() + ")", noToolkit);
        }
        try {
            closed.await();
            opened.get().awaitClosed(CLOSING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return 0;
    }
}
