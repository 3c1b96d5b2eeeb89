package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;
import org.junit.jupiter.api.Test;

/** What status proposes next, decided from the state alone. */
class NextActionsTest {

    static final String PRODUCT = "democloud";
    static final Version V400 = Version.parse("4.0.0");
    static final Version V410 = Version.parse("4.1.0");
    static final Version V430 = Version.parse("4.3.0");
    static final Version V500 = Version.parse("5.0.0");

    static Inspection managed(DatabaseState state, JournalEntry... interrupted) {
        return new Inspection(true, Optional.of(state), List.of(), List.of(), List.of(interrupted));
    }

    static DatabaseState state(Optional<Version> schema, Version target, Phase phase) {
        return new DatabaseState(PRODUCT, schema, target, phase, schema, schema, Optional.of("run-1"), Optional.empty(),
                Instant.EPOCH);
    }

    static JournalEntry stopped(JournalEntry.Outcome outcome) {
        return new JournalEntry("run-1", "4.3.0/expand.sql", 1, 7, "sum", outcome, 42,
                outcome == JournalEntry.Outcome.FAILED ? Optional.of("Duplicate column name 'uuid'") : Optional.empty());
    }

    private static NextAction next(Inspection inspection) {
        return NextActions.of(inspection, PRODUCT, V430, V430, true);
    }

    @Test
    void absentOrEmptyDatabaseShouldBeDeployed() {
        assertThat(next(Inspection.absent())).isEqualTo(new NextAction.Deploy(V430));
        assertThat(next(new Inspection(true, Optional.empty(), List.of(), List.of(), List.of())))
                .isEqualTo(new NextAction.Deploy(V430));
    }

    @Test
    void databaseWithObjectsOfItsOwnShouldBeLeftAlone() {
        assertThat(next(new Inspection(true, Optional.empty(), List.of(), List.of("table legacy"), List.of())))
                .isEqualTo(new NextAction.DeployElsewhere());
    }

    @Test
    void databaseOfAnotherProductShouldAskForItsCatalog() {
        DatabaseState other = new DatabaseState("otherproduct", Optional.of(V400), V400, Phase.CLEAN, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Instant.EPOCH);
        assertThat(next(managed(other))).isEqualTo(new NextAction.UseCatalogOf("otherproduct"));
    }

    @Test
    void interruptedRunsShouldBeResumedToTheirOwnTarget() {
        assertThat(next(managed(state(Optional.empty(), V410, Phase.DEPLOYING))))
                .isEqualTo(new NextAction.Resume(OperationKind.DEPLOY, V410, false));
        assertThat(next(managed(state(Optional.of(V400), V410, Phase.EXPANDING), stopped(JournalEntry.Outcome.STARTED))))
                .isEqualTo(new NextAction.Resume(OperationKind.UPGRADE, V410, false));
        assertThat(next(managed(state(Optional.of(V400), V410, Phase.CLEANING))))
                .isEqualTo(new NextAction.Resume(OperationKind.CLEANUP, V410, false));
    }

    @Test
    void refusedStatementShouldBeFixedBeforeTheResume() {
        assertThat(next(managed(state(Optional.of(V400), V430, Phase.EXPANDING), stopped(JournalEntry.Outcome.FAILED))))
                .isEqualTo(new NextAction.Resume(OperationKind.UPGRADE, V430, true));
    }

    @Test
    void expandedDatabaseShouldBeCleanedUpConfirmedOnlyWithoutANodeRegistry() {
        Inspection expanded = managed(state(Optional.of(V400), V430, Phase.EXPANDED));
        assertThat(NextActions.of(expanded, PRODUCT, V430, V430, true)).isEqualTo(new NextAction.Cleanup(V430, false));
        assertThat(NextActions.of(expanded, PRODUCT, V430, V430, false)).isEqualTo(new NextAction.Cleanup(V430, true));
    }

    @Test
    void cleanDatabaseShouldBeUpgradedToTheTargetOrLeftAsItIs() {
        assertThat(next(managed(state(Optional.of(V400), V400, Phase.CLEAN)))).isEqualTo(new NextAction.Upgrade(V400, V430));
        assertThat(NextActions.of(managed(state(Optional.of(V400), V400, Phase.CLEAN)), PRODUCT, V430, V410, true))
                .isEqualTo(new NextAction.Upgrade(V400, V410));
        assertThat(next(managed(state(Optional.of(V430), V430, Phase.CLEAN)))).isEqualTo(new NextAction.Nothing(V430));
    }

    @Test
    void databaseNewerThanTheCatalogShouldAskForTheMatchingRelease() {
        assertThat(next(managed(state(Optional.of(V500), V500, Phase.CLEAN))))
                .isEqualTo(new NextAction.UseMatchingRelease(V500));
    }
}
