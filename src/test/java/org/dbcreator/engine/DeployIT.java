package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Golden;
import org.dbcreator.testing.SchemaFacts;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(TestDatabaseExtension.class)
class DeployIT {

    private static final Catalog CATALOG = Catalog.bundled();

    static Stream<String> catalogVersions() {
        return CATALOG.versions().stream().map(Version::toString);
    }

    private static DeployResult deploy(TestDatabase db, String version, ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), listener)) {
            return engine.deploy(Optional.ofNullable(version).map(Version::parse));
        }
    }

    private static StatusReport status(TestDatabase db) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return engine.status(Optional.empty());
        }
    }

    @ParameterizedTest(name = "deploy {0}")
    @MethodSource("catalogVersions")
    void deployShouldCreateTheSchemaOfEachRelease(String version, TestDatabase db) throws SQLException {
        DeployResult result = deploy(db, version, ProgressListener.NONE);

        assertThat(result.outcome()).isEqualTo(DeployResult.Outcome.DEPLOYED);
        try (Connection c = db.server().adminConnection()) {
            Golden.assertMatches("schema/democloud-" + version + ".txt", String.join("\n", SchemaFacts.of(c, db.name())) + "\n");
        }
        StatusReport status = status(db);
        assertThat(status.schemaVersion()).contains(Version.parse(version));
        assertThat(status.phase()).contains(Phase.CLEAN);
        assertThat(status.lowestRelease()).isEqualTo(status.highestRelease()).contains(Version.parse(version));
    }

    @Test
    void deployIntoAnExistingEmptyDatabaseShouldBeAccepted(TestDatabase db) throws SQLException {
        db.create();
        assertThat(deploy(db, null, ProgressListener.NONE).version()).isEqualTo(CATALOG.latestVersion());
    }

    @Test
    void deployingTheSameReleaseAgainShouldDoNothing(TestDatabase db) throws SQLException {
        deploy(db, null, ProgressListener.NONE);
        List<String> before = historyRows(db);

        DeployResult again = deploy(db, null, ProgressListener.NONE);

        assertThat(again.outcome()).isEqualTo(DeployResult.Outcome.NOTHING_TO_DO);
        assertThat(historyRows(db)).isEqualTo(before);
    }

    @Test
    void deployOverAnOlderManagedDatabaseShouldPointToUpgrade(TestDatabase db) {
        deploy(db, CATALOG.baselineVersion().toString(), ProgressListener.NONE);

        assertThatThrownBy(() -> deploy(db, null, ProgressListener.NONE))
                .isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_NEEDS_UPGRADE))
                .hasMessageContaining("upgrading");
    }

    @Test
    void deployOfAnOlderReleaseOverANewerDatabaseShouldBeRefused(TestDatabase db) {
        deploy(db, null, ProgressListener.NONE);

        assertThatThrownBy(() -> deploy(db, CATALOG.baselineVersion().toString(), ProgressListener.NONE))
                .isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DOWNGRADE_REFUSED));
    }

    @Test
    void deployShouldJournalEveryStatementAndRecordEveryScript(TestDatabase db) throws SQLException {
        List<ProgressEvent> events = new ArrayList<>();
        deploy(db, null, events::add);

        long statements = events.stream().filter(ProgressEvent.StatementDone.class::isInstance).count();
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE outcome = 'DONE' AND statement_line > 0"))
                .isEqualTo(statements - sessionStatements());
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_history"))
                .isEqualTo(events.stream().filter(ProgressEvent.ScriptStarted.class::isInstance).count());
    }

    private static long sessionStatements() {
        return CATALOG.allScripts().stream().flatMap(s -> s.statements().stream())
                .filter(st -> st.sql().trim().toUpperCase().startsWith("SET ")).count();
    }

    private static List<String> historyRows(TestDatabase db) throws SQLException {
        return db.rows("SELECT id, script, checksum, finished_at FROM dbcreator_history ORDER BY id");
    }
}
