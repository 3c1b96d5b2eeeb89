package org.dbcreator.ui.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A cleanup's statements in the words an admin weighs before an irreversible step. */
class CleanupWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DROP TRIGGER event_sync_severity_on_insert | The trigger event_sync_severity_on_insert, which kept old and new columns in step, is dropped.
            DROP TABLE IF EXISTS `old_usage`            | The table old_usage is dropped, with its rows.
            DROP VIEW v_billing                         | The view v_billing is dropped.
            UPDATE host SET uuid = UUID() WHERE uuid IS NULL | Rows of host are brought in line with the new rules (empty values filled in, stale ones corrected).
            INSERT INTO host_capacity (host_id) SELECT id FROM host | Rows are copied into host_capacity.
            GRANT SELECT ON x.* TO y                    | Runs: GRANT SELECT ON x.* TO y
            """)
    void statementShouldBePutInPlainWords(String sql, String words) {
        assertThat(CleanupWords.words(sql)).containsExactly(words);
    }

    @Test
    void alterTableShouldNameEachChangeAndLeaveOutItsAlgorithm() {
        assertThat(CleanupWords.words("ALTER TABLE event MODIFY COLUMN severity TINYINT UNSIGNED NOT NULL, DROP COLUMN level,"
                + " ALGORITHM=INPLACE, LOCK=NONE")).containsExactly(
                "The column event.severity becomes required (NOT NULL): old releases that leave it empty would fail.",
                "The column event.level is dropped, with its data.");
        assertThat(CleanupWords.words("ALTER TABLE host ADD UNIQUE KEY uk_host_uuid (uuid), DROP INDEX ix_host_uuid,"
                + " ALGORITHM=INPLACE, LOCK=NONE")).containsExactly("Values of host.uuid must be unique from now on.",
                "The index ix_host_uuid on host is dropped.");
        assertThat(CleanupWords.words("ALTER TABLE account ADD CONSTRAINT fk_account_domain FOREIGN KEY (domain_id)"
                + " REFERENCES domain (id),\n  ALGORITHM=INPLACE, LOCK=NONE"))
                .containsExactly("account.domain_id must point at an existing row of domain from now on.");
    }

    @Test
    void sessionSettingsShouldSayNothingAndRepeatedChangesOnce() {
        assertThat(CleanupWords.of(List.of("SET foreign_key_checks = 0", "DROP TRIGGER t1", "DROP TRIGGER t1",
                "SET foreign_key_checks = 1"))).containsExactly(
                "The trigger t1, which kept old and new columns in step, is dropped.");
    }
}
