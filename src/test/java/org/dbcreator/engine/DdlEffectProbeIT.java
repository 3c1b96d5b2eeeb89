package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The probe that judges an interrupted statement reads names as the server does: qualified or
 * not, quoted or not. A name of another database, or a statement on several objects whose effect
 * shows on some only, is UNKNOWN: the probe never guesses.
 */
@ExtendWith(TestDatabaseExtension.class)
class DdlEffectProbeIT {

    private static DdlEffect judge(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.server().adminConnection()) {
            c.setCatalog(db.name());
            return new DdlEffectProbe(c, db.name()).judge(sql.replace("DB", db.name()));
        }
    }

    private static TestDatabase withTables(TestDatabase db) throws SQLException {
        db.create().execute("CREATE TABLE present (id int PRIMARY KEY, c int)", "CREATE TABLE other_present (id int)",
                "CREATE INDEX ix_c ON present (c)");
        return db;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE `DB`.`present` (id int)                 | APPLIED",
        "CREATE TABLE DB.present (id int, c int, PRIMARY KEY (id), KEY k (c)) | APPLIED",
        "CREATE TABLE present (id int, note varchar(20))      | NOT_APPLIED",
        "CREATE TABLE present (`key` int)                     | NOT_APPLIED",
        "CREATE TABLE `DB`.absent (id int)                    | NOT_APPLIED",
        "create table absent (id int)                         | NOT_APPLIED",
        "ALTER TABLE `DB`.`present` ADD COLUMN c int          | APPLIED",
        "ALTER TABLE DB.present ADD COLUMN d int              | NOT_APPLIED",
        "ALTER TABLE `DB`.present DROP COLUMN d               | APPLIED",
        "DROP TABLE `DB`.`absent`                             | APPLIED",
        "DROP TABLE DB.present                                | NOT_APPLIED",
        "DROP TABLE present, DB.other_present                 | NOT_APPLIED",
        "DROP TABLE present, absent                           | UNKNOWN",
        "DROP TABLE absent, DB.absent2                        | APPLIED",
        "RENAME TABLE DB.present TO DB.renamed                | NOT_APPLIED",
        "RENAME TABLE absent TO present                       | APPLIED",
        "RENAME TABLE absent TO present, other_present TO x   | UNKNOWN",
        "CREATE INDEX ix_c ON `DB`.`present` (c)              | APPLIED",
        "DROP INDEX ix_c ON DB.present                        | NOT_APPLIED",
        "CREATE TABLE `elsewhere`.`present` (id int)          | UNKNOWN",
        "ALTER TABLE elsewhere.present ADD COLUMN c int       | UNKNOWN",
        "DROP TABLE present, elsewhere.t                      | UNKNOWN",
        "ALTER TABLE present MODIFY c bigint                  | UNKNOWN",
    })
    void probeShouldReadQualifiedNamesAndNeverGuess(String sql, DdlEffect expected, TestDatabase db) throws SQLException {
        assertThat(judge(withTables(db), sql)).isEqualTo(expected);
    }

    @Test
    void probeThatCannotJudgeAFormShouldSaySoWithoutAServer() {
        assertThat(DdlEffectProbe.canJudge("ALTER TABLE t ADD COLUMN c int", "db")).isTrue();
        assertThat(DdlEffectProbe.canJudge("CREATE TABLE IF NOT EXISTS t (id int)", "db")).isTrue();
        assertThat(DdlEffectProbe.canJudge("ALTER TABLE t MODIFY c bigint NOT NULL", "db")).isFalse();
        assertThat(DdlEffectProbe.canJudge("DROP TABLE other.t", "db")).isFalse();
        assertThat(DdlEffectProbe.canJudge("CALL p()", "db")).isFalse();
    }
}
