package org.dbcreator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "Cloud_2", "a$b", "x1234567890123456789012345678901234567890123456789012345678901"})
    void plainNamesShouldBeAccepted(String name) {
        assertThat(Identifiers.isValid(name)).isTrue();
        assertThat(Identifiers.quote(name)).isEqualTo("`" + name + "`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "a-b", "a b", "db;drop", "x`y", "a.b", "name\u00e9",
        "x12345678901234567890123456789012345678901234567890123456789012345"})
    void namesThatNeedQuotingTricksShouldBeRefused(String name) {
        assertThat(Identifiers.isValid(name)).isFalse();
        assertThatThrownBy(() -> Identifiers.require(name, "database"))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IDENTIFIER))
                .hasMessageContaining("not a valid database name");
    }

    @Test
    void literalsShouldEscapeQuotesAndBackslashes() {
        assertThat(Identifiers.literal("it's a \\ path")).isEqualTo("'it''s a \\\\ path'");
    }

    @Test
    void secretsShouldNeverShowThemselves() {
        Secret secret = Secret.of("hunter2");
        assertThat(secret.toString()).doesNotContain("hunter2");
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }

    @Test
    void serverVersionsShouldBeRecognisedAndJudged() {
        assertThat(ServerInfo.parse("11.4.5-MariaDB-log").isMariaDb()).isTrue();
        assertThat(ServerInfo.parse("10.11.19-MariaDB-0+deb12u1").isSupported()).isTrue();
        assertThat(ServerInfo.parse("10.5.9-MariaDB").isSupported()).isFalse();
        assertThat(ServerInfo.parse("8.0.36").describe()).isEqualTo("MySQL 8.0.36");
        assertThat(ServerInfo.parse("5.7.44-log").isSupported()).isFalse();
    }
}
