package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTokensTest {

    @Test
    void tokensShouldSkipCommentsAndUnquoteNames() {
        SqlTokens t = SqlTokens.of("-- note\n/* block */ ALTER TABLE `my``table` # end\n ADD COLUMN x INT");
        assertThat(t.list()).containsExactly("ALTER", "TABLE", "my`table", "ADD", "COLUMN", "x", "INT");
        assertThat(t.verb()).isEqualTo("ALTER");
    }

    @Test
    void executableCommentsShouldBeReadAsCode() {
        SqlTokens t = SqlTokens.of("/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`%`*/ /*!50003 TRIGGER trg BEFORE INSERT */");
        assertThat(t.list()).startsWith("CREATE", "DEFINER", "=", "root", "@", "%", "TRIGGER", "trg");
    }

    @Test
    void stringsShouldBecomeOneTokenWhateverTheyHold() {
        SqlTokens t = SqlTokens.of("INSERT INTO t VALUES ('it''s -- not a comment', \"a\\\"b\")");
        assertThat(t.list()).containsExactly("INSERT", "INTO", "t", "VALUES", "(", "'…'", ",", "'…'", ")");
    }

    @Test
    void doubleDashWithoutSpaceShouldNotStartAComment() {
        assertThat(SqlTokens.of("SELECT 1--1").list()).containsExactly("SELECT", "1", "-", "-", "1");
    }

    @Test
    void tokensShouldKnowTheirLineAndHowTheyWereWritten() {
        SqlTokens t = SqlTokens.of("ALTER TABLE `key`\n  -- why\n  ADD COLUMN kind ENUM('a', 'it''s')");
        assertThat(t.line(0)).isEqualTo(1);
        assertThat(t.line(t.list().indexOf("ADD"))).isEqualTo(3);
        assertThat(t.isQuotedName(2)).isTrue();
        assertThat(t.is(2, "KEY")).isTrue();
        assertThat(t.isKeyword(2, "KEY")).isFalse();
        assertThat(t.raw(t.size() - 2)).isEqualTo("'it''s'");
    }

    @Test
    void mariaDbCommentsShouldBeReadAsCodeAndRemembered() {
        SqlTokens t = SqlTokens.of("SELECT 1\n/*M!100500 , 2 */ /*!50000 , 3 */ /* /*M! plain */ FROM dual");
        assertThat(t.list()).containsExactly("SELECT", "1", ",", "2", ",", "3", "FROM", "dual");
        assertThat(t.mariaDbCommentLines()).containsExactly(2);
    }
}
