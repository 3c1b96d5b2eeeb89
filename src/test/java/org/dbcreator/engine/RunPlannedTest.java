package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.junit.jupiter.api.Test;

class RunPlannedTest {

    private static final Version V = Version.parse("4.1.0");

    @Test
    void statementsToRunShouldCountOnlyTheScriptsNotAppliedBefore() {
        RunPlanned plan = new RunPlanned("UPGRADE", "cloud", List.of(
                new RunPlanned.Item("4.1.0/expand.sql", ScriptKind.EXPAND, V, 7, true),
                new RunPlanned.Item("org.example.Backfill", ScriptKind.MIGRATION, V, -1, false),
                new RunPlanned.Item("4.2.0/expand.sql", ScriptKind.EXPAND, Version.parse("4.2.0"), 5, false)));

        assertThat(plan.statementsToRun()).isEqualTo(5);
    }

    @Test
    void anExcerptShouldBeOneLineAndShort() {
        assertThat(ScriptRunner.excerpt("\n  ALTER TABLE host\n    ADD COLUMN uuid CHAR(36),\tALGORITHM=INPLACE  "))
                .isEqualTo("ALTER TABLE host ADD COLUMN uuid CHAR(36), ALGORITHM=INPLACE");
        assertThat(ScriptRunner.excerpt("INSERT INTO t VALUES " + "(1),".repeat(100)))
                .hasSize(100).endsWith("...");
    }
}
