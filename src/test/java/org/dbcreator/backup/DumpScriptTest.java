package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the dump writes, the reader (and so the stock client, whose rules it follows) reads back statement for statement. */
class DumpScriptTest {

    private static ObjectDefinition routine(String body) {
        return new ObjectDefinition(ObjectDefinition.Kind.PROCEDURE, "p", "CREATE PROCEDURE `p`() BEGIN " + body + " END",
                Optional.of("STRICT_TRANS_TABLES"), Optional.of("utf8mb4_general_ci"), Optional.empty());
    }

    @Test
    void routineBodiesShouldGetADelimiterTheyDoNotContain() {
        assertThat(DumpScript.delimiterFor("SELECT 1;")).isEqualTo(";;");
        assertThat(DumpScript.delimiterFor("SELECT ';;';")).isEqualTo("$$");
        assertThat(DumpScript.delimiterFor("SELECT ';;', '$$';")).isEqualTo("//");
    }

    @Test
    void trailerShouldReadBackAsWholeStatementsEndingWithTheCompletionLine() throws IOException {
        ObjectDefinition view = new ObjectDefinition(ObjectDefinition.Kind.VIEW, "v", "CREATE VIEW `v` AS select 1 AS `x`",
                Optional.empty(), Optional.of("utf8mb4_general_ci"), Optional.empty());
        DumpSchema schema = new DumpSchema("utf8mb4", "utf8mb4_general_ci", List.of(), List.of(view),
                List.of(routine("SELECT ';;'; SELECT 2;")), List.of(), List.of(), List.of());
        String script = DumpScript.header("cloud", "", "dev", "MariaDB 11.4.5", "now", "one snapshot", "")
                + DumpScript.trailer(schema, 0, 0, "");

        DumpReader reader = new DumpReader(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), "dump");
        List<String> statements = new ArrayList<>();
        for (DumpStatement s = reader.next(); s != null; s = reader.next()) {
            statements.add(s.sql());
        }

        assertThat(statements).contains("CREATE VIEW `v` AS select 1 AS `x`",
                "CREATE PROCEDURE `p`() BEGIN SELECT ';;'; SELECT 2; END", "SET SESSION SQL_MODE = 'STRICT_TRANS_TABLES'");
        assertThat(statements).noneMatch(s -> s.startsWith("DELIMITER"));
        assertThat(statements).as("a view may call a function: routines first").containsSubsequence(
                "CREATE PROCEDURE `p`() BEGIN SELECT ';;'; SELECT 2; END", "CREATE VIEW `v` AS select 1 AS `x`");
        assertThat(reader.lastComment()).isEqualTo(DumpScript.COMPLETE + ": 0 tables, 0 rows");
    }
}
