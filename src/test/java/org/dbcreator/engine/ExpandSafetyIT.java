package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "Expand safety" pre-flight check: an upgrade whose expand breaks older nodes never starts. */
@ExtendWith(TestDatabaseExtension.class)
class ExpandSafetyIT {

    private static Operator deployedBaseline(String fixture, TestDatabase db) {
        Operator op = new Operator(Catalog.fromDirectory(Path.of("src/test/resources/lint", fixture)), db.admin());
        op.deploy("1.0.0", SampleSize.none());
        return op;
    }

    private static PreflightCheck expandSafety(UpgradeResult result) {
        return result.checks().checks().stream().filter(c -> c.id() == ExpandSafetyCheck.ID).findFirst()
                .orElseThrow();
    }

    @Test
    void upgradeWithAnUnsafeExpandShouldBeRefusedAndChangeNothing(TestDatabase db) throws SQLException {
        Operator op = deployedBaseline("DROP_COLUMN", db);
        Footprint before = Footprint.of(db);

        assertThatThrownBy(() -> op.upgrade(ProgressListener.NONE)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPAND_UNSAFE))
                .hasMessageContaining("Expand safety: 1 error: 1.1.0/expand.sql:3 DROP_COLUMN.");

        Footprint after = Footprint.of(db);
        assertThat(after.schema()).isEqualTo(before.schema());
        assertThat(after.toolRows()).isEqualTo(before.toolRows());
        assertThat(op.status().checks().orElseThrow().checks()).anySatisfy(check -> {
            assertThat(check.id()).isEqualTo(ExpandSafetyCheck.ID);
            assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.RED);
        });
    }

    @Test
    void warningsShouldBeShownWhileTheUpgradeGoesOn(TestDatabase db) {
        Operator op = deployedBaseline("MARIADB_ONLY_SYNTAX", db);

        UpgradeResult result = op.upgrade(ProgressListener.NONE);

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(expandSafety(result).verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(expandSafety(result).evidence()).isEqualTo("1 warning: 1.1.0/expand.sql:2 MARIADB_ONLY_SYNTAX.");
    }

    /** The clean fixture is not only lint-clean: its expand, and then its cleanup, run on the server. */
    @Test
    void safeExpandShouldPassTheCheckAndRun(TestDatabase db) {
        Operator op = deployedBaseline("clean", db);

        assertThat(expandSafety(op.dryRunUpgrade()).verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        assertThat(op.upgrade(ProgressListener.NONE).outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        UpgradeResult cleaned = op.cleanup(ProgressListener.NONE);

        assertThat(cleaned.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(cleaned.checks().checks()).noneMatch(c -> c.id() == ExpandSafetyCheck.ID);
        assertThat(op.status().phase()).contains(Phase.CLEAN);
    }
}
