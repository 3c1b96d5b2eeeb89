package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A backslash escapes, or does not, as the sql_mode the dump has set at that point says. */
class SqlModeTrackerTest {

    @Test
    void shouldFollowLiteralsSavedModesAndVariablesButNotTheGlobalMode() {
        SqlModeTracker t = new SqlModeTracker(DumpScript.SESSION_SQL_MODE);
        assertThat(t.backslashEscapes()).isTrue();

        t.observe("SET @OLD_SQL_MODE = @@SQL_MODE, SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO'");
        t.observe("SET SESSION SQL_MODE = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES'");
        assertThat(t.backslashEscapes()).isFalse();
        t.observe("SET SQL_MODE = @OLD_SQL_MODE");
        assertThat(t.backslashEscapes()).isTrue();
        t.observe("SET GLOBAL sql_mode = 'NO_BACKSLASH_ESCAPES'");
        t.observe("SET @@GLOBAL.sql_mode = 'NO_BACKSLASH_ESCAPES'");
        assertThat(t.backslashEscapes()).as("the global mode is not this session's").isTrue();
        t.observe("/*!50003 SET @@SESSION.sql_mode = 'NO_BACKSLASH_ESCAPES' */");
        assertThat(t.backslashEscapes()).isFalse();
        t.observe("SET sql_mode = CONCAT(@@sql_mode, ',ANSI')");
        assertThat(t.backslashEscapes()).as("an expression it cannot evaluate changes nothing").isFalse();
    }

    /** As mariadb-dump writes a function created under NO_BACKSLASH_ESCAPES, followed by escaped rows. */
    @Test
    void readerShouldNotTakeABackslashForAnEscapeWhileTheDumpSetsNoBackslashEscapes() throws IOException {
        String dump = "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
                + "INSERT INTO t VALUES ('it\\'s; \\\\');\n"
                + "/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;\n"
                + "/*!50003 SET sql_mode              = 'NO_BACKSLASH_ESCAPES' */ ;\n"
                + "DELIMITER ;;\n"
                + "CREATE FUNCTION `f`() RETURNS varchar(64) RETURN 'C:\\' ;;\n"
                + "DELIMITER ;\n"
                + "/*!50003 SET sql_mode              = @saved_sql_mode */ ;\n"
                + "INSERT INTO t VALUES ('it\\'s; again');\n";

        DumpReader reader = new DumpReader(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), "dump");
        List<String> statements = new ArrayList<>();
        for (DumpStatement s = reader.next(); s != null; s = reader.next()) {
            statements.add(s.sql());
        }

        assertThat(statements).containsSubsequence("INSERT INTO t VALUES ('it\\'s; \\\\')",
                "CREATE FUNCTION `f`() RETURNS varchar(64) RETURN 'C:\\'",
                "/*!50003 SET sql_mode              = @saved_sql_mode */",
                "INSERT INTO t VALUES ('it\\'s; again')");
        assertThat(statements).hasSize(7);
    }
}
