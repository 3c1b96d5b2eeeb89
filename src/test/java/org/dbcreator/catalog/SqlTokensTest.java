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
}
