package org.dbcreator.ui.app;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dbcreator.launch.Wizard;
import org.dbcreator.launch.WizardRequest;

/** Starts JavaFX, shows the wizard and waits until its window is closed (found by the command line as a {@link Wizard}). */
public final class WizardLauncher implements Wizard {

    @Override
    public int open(WizardRequest request) {
        CountDownLatch closed = new CountDownLatch(1);
        Runnable show = () -> {
            Stage stage = new Stage();
            WizardApp app = WizardApp.create(request.env());
            app.show(stage, request);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return 0;
    }
}
