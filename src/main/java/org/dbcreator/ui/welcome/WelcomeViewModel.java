package org.dbcreator.ui.welcome;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.RecentConnection;
import org.dbcreator.ui.service.WizardService;

/** The first page: the three journeys and the recent connections (the CLI's profiles). */
public final class WelcomeViewModel implements PageModel {

    /** Demo nodes at work beside the demo database, so that the rolling upgrade has nodes to watch. */
    public static final int DEMO_NODES = 3;

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;
    private final ObservableList<RecentConnection> recent = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public WelcomeViewModel(WizardService service, UiExecutor executor, Navigation navigation) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
    }

    /** Reads the profiles again: one may have been written since (by the demo, by hand). */
    public void refresh() {
        loading.set(true);
        executor.run(service::recentConnections, found -> {
            recent.setAll(found);
            loading.set(false);
        }, failure -> {
            loading.set(false);
            navigation.showError(failure);
        });
    }

    public void upgrade() {
        navigation.showConnect(Journey.UPGRADE, Optional.empty());
    }

    public void deploy() {
        navigation.showConnect(Journey.DEPLOY, Optional.empty());
    }

    public void inspect() {
        navigation.showConnect(Journey.INSPECT, Optional.empty());
    }

    public void tryDemo() {
        navigation.startDemo();
    }

    public void open(RecentConnection connection) {
        navigation.showConnect(Journey.UPGRADE, Optional.of(connection));
    }

    public ObservableList<RecentConnection> recent() {
        return recent;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get("welcome.primary"));
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> "dbcreator demo --nodes " + DEMO_NODES);
    }

    @Override
    public void primary() {
        tryDemo();
    }
}
