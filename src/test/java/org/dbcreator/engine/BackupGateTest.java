package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.history.BackupRecord;
import org.junit.jupiter.api.Test;

/** The backup check's verdict on an operator's own backup: amber while recent, never green, never above a verified one. */
class BackupGateTest {

    private static final Version AT = Version.parse("4.0.0");
    private static final Version TO = Version.parse("4.3.0");
    private static final Duration DAY = Duration.ofHours(24);

    private static BackupRecord own(Duration age) {
        return new BackupRecord(BackupRecord.Kind.SKIPPED, Optional.of(AT), Optional.empty(), Optional.of("OPERATOR"),
                "alice@% (alice on desk)", age);
    }

    private static BackupRecord tested(Duration age) {
        return new BackupRecord(BackupRecord.Kind.BACKUP, Optional.of(AT), Optional.of("/b/cloud.sql.gz"),
                Optional.of("RESTORE_TEST"), "alice", age);
    }

    @Test
    void aRecentOwnBackupShouldBeAmberNamingWhoDeclaredIt() {
        PreflightCheck check = BackupGate.recent("cloud", AT, TO, DAY, Optional.empty(), Optional.empty(),
                Optional.of(own(Duration.ofMinutes(5))));
        assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(check.evidence()).startsWith("alice@% (alice on desk) declared 5 min ago a backup of their own of 'cloud'")
                .contains("neither seen nor verified");
    }

    @Test
    void anOwnBackupOlderThanTheLimitShouldStayRed() {
        PreflightCheck check = BackupGate.recent("cloud", AT, TO, DAY, Optional.empty(), Optional.empty(),
                Optional.of(own(Duration.ofHours(30))));
        assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.RED);
    }

    @Test
    void aRestoreTestedBackupShouldStayGreenBesideAnOwnOne() {
        PreflightCheck check = BackupGate.recent("cloud", AT, TO, DAY, Optional.of(tested(Duration.ofMinutes(1))),
                Optional.of(tested(Duration.ofMinutes(1))), Optional.of(own(Duration.ofMinutes(5))));
        assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
    }
}
