package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.dbcreator.catalog.SqlTokens;
import org.dbcreator.catalog.StatementSplitter;
import org.junit.jupiter.api.Test;

class StatementKindTest {

    /** The client drops a --text line before a statement, so it must not hide the statement's verb. */
    @Test
    void statementAfterADashTextCommentShouldBeJournaledByItsFirstWord() {
        String script = "--Fill the table\nINSERT INTO t VALUES (1);\n--Remember it\nSET @filled = 1;\n--;\nDROP TABLE t;\n";

        assertThat(StatementSplitter.split(script, "a.sql"))
                .extracting(statement -> StatementKind.of(SqlTokens.of(statement.sql())))
                .containsExactly(StatementKind.DATA, StatementKind.SESSION, StatementKind.SCHEMA);
    }
}
