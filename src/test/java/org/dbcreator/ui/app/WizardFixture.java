package org.dbcreator.ui.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dbcreator.launch.WizardRequest;
import org.testfx.util.WaitForAsyncUtils;

/** The real wizard on a TestFX stage, with its user folders in a test's own directory. */
public final class WizardFixture {

    private final WizardApp app;

    private WizardFixture(WizardApp app) {
        this.app = app;
    }

    /** Builds the wizard with {@code home} as DBCREATOR_HOME and shows it on {@code stage}. */
    public static WizardFixture show(Stage stage, Path home, WizardRequest request) {
        WizardApp app = WizardApp.create(Map.of("DBCREATOR_HOME", home.toString()));
        app.show(stage, new WizardRequest(request.demo(), request.profile(), Map.of("DBCREATOR_HOME", home.toString())));
        return new WizardFixture(app);
    }

    /** Stops what the wizard started (its connection, the demo server), as closing the window does. */
    public void close() throws InterruptedException {
        app.close();
        app.awaitClosed(java.time.Duration.ofSeconds(60));
    }

    /** Writes the window to {@code name}.png in the folder {@code -Ddbcreator.screenshots} names, if it names one. */
    public void screenshotIfAsked(String name) {
        String folder = System.getProperty("dbcreator.screenshots", "");
        if (!folder.isBlank()) {
            settle();
            screenshot(Path.of(folder, name + ".png"));
        }
    }

    /** The window's engine calls, to start demo nodes beside a test database as the demo does. */
    public org.dbcreator.ui.service.EngineWizardService service() {
        return (org.dbcreator.ui.service.EngineWizardService) app.service();
    }

    public ShellViewModel model() {
        return app.model();
    }

    public Scene scene() {
        return app.scene();
    }

    /** Waits until every engine call asked so far has landed on the FX thread. */
    public static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until {@code condition} holds (checked on the FX thread), for at most {@code seconds}. */
    public static void await(int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            // what every thread was doing, so that a wait that never ends says why
            Thread.getAllStackTraces().forEach((t, stack) -> System.err.println("\"" + t.getName() + "\" " + t.getState()
                    + "\n\tat " + String.join("\n\tat ", java.util.Arrays.stream(stack).map(String::valueOf).toList())));
            throw new AssertionError("not reached within " + seconds + " s", e);
        }
    }

    /** {@code work}'s result, computed on the FX thread. */
    public static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }

    /** Writes the window as drawn now to {@code file} (PNG), through a snapshot: no display needed. */
    public void screenshot(Path file) {
        WritableImage image = onFx(() -> scene().snapshot(null));
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
