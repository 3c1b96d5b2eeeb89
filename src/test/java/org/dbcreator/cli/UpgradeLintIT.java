package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code dbcreator upgrade} refuses an expand the lint finds unsafe, with the lint's exit code. */
@ExtendWith(TestDatabaseExtension.class)
class UpgradeLintIT {

    @Test
    void upgradeWithAnUnsafeExpandShouldExit55AndNameTheFinding(TestDatabase db) {
        String catalog = "src/test/resources/lint/ADD_FOREIGN_KEY";
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--catalog", catalog, "--target", "1.0.0").exitCode()).isZero();

        DbCreatorCli.Result refused = DbCreatorCli.run(db.admin(), "upgrade", "--catalog", catalog);

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(55);
        assertThat(refused.out()).contains("FAIL Expand safety", "1 error: 1.1.0/expand.sql:2 ADD_FOREIGN_KEY.",
                "-> Read each finding and its fix: dbcreator lint --catalog " + catalog + "\n");
        assertThat(refused.err()).contains("error EXPAND_UNSAFE");
        assertThat(DbCreatorCli.run(db.admin(), "status", "--catalog", catalog).out()).contains("CLEAN at 1.0.0");
    }
}
