package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether and how far a rollback may run, from the state alone (the bundled catalog: 4.0.0 to 4.3.0). */
class RollbackDecisionTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Optional<BackupRecord> BACKUP = Optional.of(new BackupRecord(BackupRecord.Kind.BACKUP,
            Optional.of(Version.parse("4.0.0")), Optional.of("/b/cloud-4.0.0.sql.gz"), Optional.of("RESTORE_TEST"), "ops",
            Duration.ofMinutes(42)));

    @ParameterizedTest(name = "{0} {1} -> {2}, asked {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # phase     | schema | target | asked | verdict               | to    | steps
            EXPANDED    | 4.0.0  | 4.3.0  | -     | RUNS                  | 4.0.0 | 4.3.0 4.2.0 4.1.0
            EXPANDED    | 4.0.0  | 4.3.0  | 4.2.0 | RUNS                  | 4.2.0 | 4.3.0
            EXPANDING   | 4.1.0  | 4.3.0  | -     | RUNS                  | 4.1.0 | 4.3.0 4.2.0
            ROLLING_BACK| 4.0.0  | 4.1.0  | -     | RUNS                  | 4.1.0 | 4.3.0 4.2.0
            ROLLING_BACK| 4.0.0  | 4.1.0  | 4.0.0 | OPERATION_IN_PROGRESS | -     | -
            EXPANDED    | 4.1.0  | 4.3.0  | 4.0.0 | ROLLBACK_UNAVAILABLE  | -     | -
            EXPANDED    | 4.0.0  | 4.2.0  | 4.2.0 | INVALID_ARGUMENT      | -     | -
            EXPANDED    | 4.0.0  | 4.2.0  | 4.3.0 | INVALID_ARGUMENT      | -     | -
            CLEAN       | 4.3.0  | 4.3.0  | -     | ROLLBACK_UNAVAILABLE  | -     | -
            CLEAN       | 4.3.0  | 4.3.0  | 4.3.0 | NOTHING               | 4.3.0 | -
            CLEANING    | 4.0.0  | 4.3.0  | -     | ROLLBACK_UNAVAILABLE  | -     | -
            DEPLOYING   | 4.0.0  | 4.3.0  | -     | OPERATION_IN_PROGRESS | -     | -
            """)
    void decisionShouldFollowTheState(Phase phase, String schema, String target, String asked, String verdict, String to,
            String steps) {
        DatabaseState state = new DatabaseState("democloud", Optional.of(Version.parse(schema)), Version.parse(target),
                phase, Optional.of(Version.parse(schema)), Optional.of(Version.parse(target)), Optional.of("run-1"),
                Optional.empty(), Instant.now());
        Inspection inspection = new Inspection(true, Optional.of(state), List.of(), List.of(), List.of());

        RollbackOperation.Decision d = RollbackOperation.decide(inspection, asked.equals("-") ? Optional.empty()
                : Optional.of(Version.parse(asked)), "cloud", CATALOG, BACKUP);

        switch (verdict) {
            case "RUNS" -> {
                assertThat(d.runs()).as(d.check().evidence()).isTrue();
                assertThat(d.to()).isEqualTo(Version.parse(to));
                assertThat(d.steps().stream().map(Step::to).map(Version::toString).toList())
                        .containsExactly(steps.split(" "));
            }
            case "NOTHING" -> assertThat(d.nothing()).isTrue();
            default -> {
                assertThat(d.runs()).isFalse();
                assertThat(d.check().failure()).contains(ErrorCode.valueOf(verdict));
                if (verdict.equals("ROLLBACK_UNAVAILABLE")) {
                    assertThat(d.check().evidence()).contains("/b/cloud-4.0.0.sql.gz", "taken 42 min ago",
                            "every write since then would be lost");
                    assertThat(d.check().fix()).contains(new NextAction.RestoreBackupInstead("cloud",
                            "/b/cloud-4.0.0.sql.gz", Duration.ofMinutes(42)));
                }
            }
        }
    }
}
