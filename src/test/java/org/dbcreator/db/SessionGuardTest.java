package org.dbcreator.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionGuardTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            foreign_key_checks = 0                                        | foreign_key_checks = 0
            unique_checks = 0, lock_wait_timeout = 7                      | unique_checks = 0;lock_wait_timeout = 7
            sql_mode = 'A,B', time_zone = '+03:00'                        | sql_mode = 'A,B';time_zone = '+03:00'
            sql_mode = CONCAT(@@sql_mode, ',X'), x = 1                    | sql_mode = CONCAT(@@sql_mode, ',X');x = 1
            a = 'it\\'s, quoted', b = "two, words", `c,d` = 1             | a = 'it\\'s, quoted';b = "two, words";`c,d` = 1
            """)
    void assignmentsShouldSplitAtCommasOutsideQuotesAndParentheses(String assignments, String expected) {
        assertThat(SessionGuard.topLevelItems(assignments)).isEqualTo(List.of(expected.split(";")));
    }
}
