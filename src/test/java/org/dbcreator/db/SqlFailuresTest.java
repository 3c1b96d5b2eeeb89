package org.dbcreator.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlFailuresTest {

    static Stream<Arguments> lost() {
        return Stream.of(
                Arguments.of("killed (MariaDB)", new SQLException("Connection was killed", "70100", 1927)),
                Arguments.of("interrupted by KILL", new SQLException("Query execution was interrupted", "70100", 1317)),
                Arguments.of("lost during query", new SQLException("Lost connection to server during query", "HY000", 2013)),
                Arguments.of("server gone", new SQLException("Server has gone away", "HY000", 2006)),
                Arguments.of("shutdown", new SQLException("Server shutdown in progress", "08S01", 1053)),
                Arguments.of("SQLSTATE 08", new SQLException("Communications link failure", "08S01", 0)),
                Arguments.of("driver, closed", new SQLNonTransientConnectionException(
                        "No operations allowed after connection closed.", "08003")),
                Arguments.of("pool, closed", new SQLException("Connection is closed")),
                Arguments.of("wrapped", new SQLException("the batch failed", "HY000", 0,
                        new SQLException("Lost connection to server during query", "HY000", 2013))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lost")
    void aKilledOrLostConnectionShouldBeTold(String name, SQLException e) {
        assertThat(SqlFailures.isConnectionLoss(e)).isTrue();
        assertThat(SqlFailures.isPrivilegeDenied(e)).isFalse();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("INSERT denied", new SQLException("INSERT command denied", "42000", 1142), true),
                Arguments.of("database denied", new SQLException("Access denied for user", "42000", 1044), true),
                Arguments.of("column denied", new SQLException("SELECT command denied for column", "42000", 1143), true),
                Arguments.of("unknown column", new SQLException("Unknown column 'x'", "42S22", 1054), false),
                Arguments.of("duplicate key", new SQLException("Duplicate entry", "23000", 1062), false),
                Arguments.of("lock wait", new SQLException("Lock wait timeout exceeded", "HY000", 1205), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusalShouldNotBeTakenForALostConnection(String name, SQLException e, boolean privilege) {
        assertThat(SqlFailures.isConnectionLoss(e)).isFalse();
        assertThat(SqlFailures.isPrivilegeDenied(e)).isEqualTo(privilege);
    }
}
