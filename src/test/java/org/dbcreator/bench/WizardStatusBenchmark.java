package org.dbcreator.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Page;
import org.dbcreator.ui.app.ShellViewModel;
import org.dbcreator.ui.app.WizardApp;
import org.dbcreator.ui.connect.ConnectViewModel;
import org.dbcreator.ui.status.StatusViewModel;

/**
 * Times the wizard's Status page from the click to the frame that shows it, in the real window
 * (docs/benchmarks.md, "Wizard start and Status"): once for Connect's button (connect, read, draw)
 * and then for Refresh on the open connection, which is the page's everyday case. A frame counts
 * as drawn at the start of the pulse after the one whose layout first saw the page filled, as
 * {@link org.dbcreator.ui.app.StartupProbe} does. Not a test; run it by hand:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *     org.dbcreator.bench.WizardStatusBenchmark 127.0.0.1 3306 root bench_sample 100</pre>
 *
 * <p>Without a display (no DISPLAY) it draws headless through Monocle, as the wizard's tests do.
 */
public final class WizardStatusBenchmark {

    private WizardStatusBenchmark() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        String port = args[1];
        String user = args[2];
        String database = args[3];
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        boolean headless = System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank();
        if (headless && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        System.out.println("drawing through " + (headless ? "Monocle (headless, software)" : "the display " + System.getenv("DISPLAY")));

        CompletableFuture<ShellViewModel> started = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            WizardApp app = WizardApp.create(System.getenv());
            app.show(new Stage(), new WizardRequest(false, Optional.empty(), Map.of()));
            started.complete(app.model());
        });
        ShellViewModel model = started.get(60, TimeUnit.SECONDS);
        FrameClock clock = onFx(() -> new FrameClock(model)).get();
        StatusViewModel status = model.status();
        BooleanSupplier statusDrawn = () -> model.pageProperty().get() == Page.STATUS && !status.busyProperty().get()
                && status.statusProperty().get() != null && model.errorProperty().get() == null;

        long[] connectedAt = new long[1];
        onFx(() -> {
            model.pageProperty().addListener((o, was, now) -> {
                if (now == Page.STATUS && connectedAt[0] == 0) {
                    connectedAt[0] = System.nanoTime();
                }
            });
            return null;
        }).get();
        long clickedAt = System.nanoTime();
        long connectNanos = clock.time(() -> {
            model.showConnect(Journey.INSPECT, Optional.empty());
            ConnectViewModel connect = model.connect();
            connect.hostProperty().set(host);
            connect.portProperty().set(port);
            connect.userProperty().set(user);
            connect.databaseProperty().set(database);
            connect.connect();
        }, statusDrawn);
        if (model.errorProperty().get() != null) {
            throw new IllegalStateException("could not connect: " + model.errorProperty().get().message());
        }
        System.out.printf("Connect clicked -> Status drawn (first, cold JIT): %.1f ms%n", connectNanos / 1e6);
        System.out.printf("  of which connecting (click -> Status page chosen): %.1f ms, the engine's first read: %.1f ms%n",
                (connectedAt[0] - clickedAt) / 1e6, status.statusProperty().get().readIn().toNanos() / 1e6);

        int warmUp = runs / 5 + 1;
        double[] drawn = new double[runs];
        double[] read = new double[runs];
        for (int i = -warmUp; i < runs; i++) {
            long nanos = clock.time(status::refresh, statusDrawn);
            if (i >= 0) {
                drawn[i] = nanos / 1e6;
                read[i] = status.statusProperty().get().readIn().toNanos() / 1e6;
            }
        }
        System.out.printf("Refresh clicked -> Status drawn, open connection: %s%n", summary(drawn));
        System.out.printf("  of which the engine's read (DatabaseStatus.readIn): %s%n", summary(read));
        System.out.printf("database %s: %s; %d runs after %d warm-up runs%n", database,
                status.sentenceProperty().get(), runs, warmUp);
        Platform.exit();
        System.exit(0);
    }

    static String summary(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms", sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.9) - 1], sorted[0], sorted[sorted.length - 1]);
    }

    static <T> CompletableFuture<T> onFx(java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(work.get()));
        return result;
    }

    /** Clicks on the FX thread and waits for the first frame drawn after the page reads as done. */
    static final class FrameClock {

        private final List<Runnable> atPulse = new ArrayList<>();
        private BooleanSupplier ready = () -> false;
        private boolean laidOut;
        private CompletableFuture<Long> frame;
        private long clicked;

        FrameClock(ShellViewModel model) {
            javafx.stage.Window.getWindows().get(0).getScene().addPostLayoutPulseListener(() -> {
                laidOut = laidOut || (frame != null && ready.getAsBoolean());
            });
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (frame != null && laidOut) {
                        CompletableFuture<Long> done = frame;
                        frame = null;
                        done.complete(System.nanoTime() - clicked);
                    }
                }
            }.start();
        }

        long time(Runnable click, BooleanSupplier drawn) throws Exception {
            CompletableFuture<Long> result = new CompletableFuture<>();
            Platform.runLater(() -> {
                ready = drawn;
                laidOut = false;
                clicked = System.nanoTime();
                click.run();
                frame = result;
            });
            return result.get(60, TimeUnit.SECONDS);
        }
    }
}
