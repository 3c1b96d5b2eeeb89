package org.dbcreator.ui.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbcreator.ui.nodes.ExpandedDatabase.NEW;

import java.nio.file.Path;
import java.util.Optional;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.Footprint;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.nodes.ExpandedDatabase;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cleanup page against a real server: it says in plain words what the cleanup drops and
 * tightens, wants the database name typed on production, ends clean at the target (as the server
 * says), and a refusal for missing privileges reaches the banner and changes nothing.
 */
class CleanupViewModelIT {

    @TempDir
    Path home;

    private final ExpandedDatabase expanded = new ExpandedDatabase();
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();

    @AfterEach
    void drop() throws Exception {
        expanded.close();
    }

    private CleanupViewModel page(ExpandedDatabase.Connected connected, ConnectedDatabase shown) {
        CleanupViewModel page = new CleanupViewModel(connected.service(), executor, expanded.navigation);
        page.open(shown);
        return page;
    }

    @Test
    void cleanupShouldSayWhatItDropsThenEndCleanAtTheTargetAndShowDone() throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        connected.service().startDemoNodes(2, NEW); // nodes of the target at work while it runs
        CleanupViewModel page = page(connected, connected.database());

        assertThat(page.titleProperty().get()).isEqualTo("Clean up " + ExpandedDatabase.OLD + " \u2192 " + NEW);
        assertThat(page.irreversibleProperty().get()).startsWith("This cannot be undone.");
        assertThat(page.changes()).contains("The column event.level is dropped, with its data.",
                "The column host.cpu_cores is dropped, with its data.",
                "The column host.uuid becomes required (NOT NULL): old releases that leave it empty would fail.",
                "The trigger event_sync_severity_on_insert, which kept old and new columns in step, is dropped.",
                "account.domain_id must point at an existing row of domain from now on.",
                "Values of host.uuid must be unique from now on.");
        assertThat(page.refusals()).isEmpty();
        assertThat(page.productionProperty().get()).isFalse();
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(expanded.db.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + expanded.db.name() + "' AND TABLE_NAME = 'event' AND COLUMN_NAME = 'level'")).isOne();

        page.primary();

        assertThat(expanded.errors).isEmpty();
        assertThat(expanded.shown).containsExactly("done");
        assertThat(page.resultProperty().get().outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(page.progressProperty().get()).isEqualTo(1.0);
        assertThat(page.lines()).last().isEqualTo("Clean at " + NEW + ".");
        assertThat(expanded.phase()).isEqualTo("CLEAN " + NEW);
        assertThat(expanded.db.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + expanded.db.name() + "' AND TABLE_NAME = 'event' AND COLUMN_NAME = 'level'")).isZero();
        assertThat(expanded.db.rows("SELECT COUNT(*) FROM dbcreator_history WHERE kind = 'CLEANUP'"))
                .containsExactly(String.valueOf(page.resultProperty().get().applied()));
        assertThat(page.primaryDisabled().get()).isTrue(); // done: nothing to run twice
    }

    @Test
    void productionProfileShouldWantTheDatabaseNameTypedBeforeTheCleanup() throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        ConnectedDatabase db = connected.database();
        ConnectedDatabase production = new ConnectedDatabase(db.host(), db.port(), db.database(), db.user(),
                db.tlsMode(), db.caFile(), db.server(), Optional.of("prod"), Optional.of("production"));
        CleanupViewModel page = page(connected, production);

        assertThat(page.productionProperty().get()).isTrue();
        assertThat(page.primaryDisabled().get()).isTrue();
        page.typedNameProperty().set(db.database() + "x");
        assertThat(page.primaryDisabled().get()).isTrue();
        page.typedNameProperty().set(db.database());
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(expanded.phase()).isEqualTo("EXPANDED " + NEW); // nothing ran
    }

    @Test
    void accountWithoutTheCleanupsPrivilegesShouldGetTheBannerAndChangeNothing() throws Exception {
        ConnectionSettings dataOnly = expanded.db.createUser("SELECT, INSERT, UPDATE, DELETE");
        ExpandedDatabase.Connected connected = expanded.connect(dataOnly, home);
        CleanupViewModel page = page(connected, connected.database());
        assertThat(page.refusals()).anySatisfy(r -> assertThat(r).startsWith("The cleanup will refuse now: "));
        Footprint before = Footprint.of(expanded.db);

        page.primary();

        assertThat(expanded.errors).singleElement().isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES));
        assertThat(expanded.shown).isEmpty();
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(Footprint.of(expanded.db)).isEqualTo(before);
        assertThat(expanded.phase()).isEqualTo("EXPANDED " + NEW);
    }
}
