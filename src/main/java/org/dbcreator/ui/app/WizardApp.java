package org.dbcreator.ui.app;

import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.WizardService;

/** The wizard assembled: service, executor, models and window. Build and use it on the FX thread. */
public final class WizardApp {

    private final WizardService service;
    private final FxExecutor executor;
    private final ShellViewModel model;
    private final Scene scene;
    private final CloseGuard guard;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private WizardApp(WizardService service, FxExecutor executor, LogFeed log, Map<String, String> env) {
        this.service = service;
        this.executor = executor;
        this.model = new ShellViewModel(service, executor, log, Catalog.bundled().manifest().defaultDatabase());
        this.scene = new WizardWindow(model).scene();
        this.guard = CloseGuard.of(model);
        UncaughtErrors.install(executor, model::showError);
        model.darkProperty().addListener((o, was, dark) -> Theme.apply(dark));
        model.darkProperty().set(Theme.desktopPrefersDark(env));
        Theme.apply(model.darkProperty().get());
    }

    /** The wizard over the real engine, with the user's folders and profiles as {@code env} names them. */
    public static WizardApp create(Map<String, String> env) {
        FxExecutor executor = new FxExecutor();
        LogFeed log = new LogFeed(executor);
        return new WizardApp(new EngineWizardService(env, log), executor, log, env);
    }

    /** Shows the window on {@code stage} and opens the page the request asks for. */
    public void show(Stage stage, WizardRequest request) {
        stage.setTitle(Messages.get("window.title"));
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        stage.setOnHidden(e -> close());
        CloseDialog.install(stage, guard, model); // closing during a run asks first
        stage.show();
        start(request);
    }

    /** Opens Welcome (read the profiles), then the demo or the named profile's Connect page. */
    public void start(WizardRequest request) {
        model.start(Optional.empty());
        if (request.demo()) {
            model.startDemo();
        } else {
            request.profile().ifPresent(name -> executor.run(() -> service.profile(name),
                    found -> model.showConnect(Journey.UPGRADE, Optional.of(found)), model::showError));
        }
    }

    /**
     * Disconnects and stops the demo on the engine thread, after every call already asked. A run
     * still under way (backup, expand, cleanup, deploy) is asked to stop between two statements
     * first, and stays resumable; the window's close request asked the admin before (see {@link CloseGuard}).
     */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            guard.cancelAll();
            executor.finish(service::close);
        }
    }

    /** Waits for {@link #close} to finish: the demo server stops before the process ends. */
    public void awaitClosed(java.time.Duration limit) throws InterruptedException {
        executor.awaitFinished(limit);
    }

    /** The engine calls behind the window, for the GUI tests (e.g. demo nodes beside a test database). */
    WizardService service() {
        return service;
    }

    /** What closing the window asks and stops. */
    public CloseGuard closeGuard() {
        return guard;
    }

    public ShellViewModel model() {
        return model;
    }

    public Scene scene() {
        return scene;
    }
}
