package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What verify can know of a statement without a server, read as the dump reader cuts it. */
class StatementCheckTest {

    @Test
    void statementsOfStockAndOwnDumpsShouldPass() throws IOException {
        assertThat(problems("""
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                /*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;
                DROP TABLE IF EXISTS `t`;
                CREATE TABLE `t` (`id` int(11) NOT NULL, `s` varchar(9) DEFAULT ')(', PRIMARY KEY (`id`));
                LOCK TABLES `t` WRITE;
                /*!40000 ALTER TABLE `t` DISABLE KEYS */;
                INSERT INTO `t` VALUES
                (1,'a)'),
                (2,'-- (');
                UNLOCK TABLES;
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50020 DEFINER=`root`@`%`*/ /*!50003 TRIGGER x BEFORE INSERT ON t FOR EACH ROW
                BEGIN -- it's (
                SET NEW.id = (NEW.id); END */;;
                DELIMITER ;
                """)).isEmpty();
    }

    @Test
    void brokenStatementsShouldBeNamed() throws IOException {
        assertThat(problems("INSERT INTO `t` VALUES (1,'a'),x(2,'b');")).singleElement().asString()
                .contains("the INSERT does not parse");
        assertThat(problems("INSRT INTO `t` VALUES (1,'a');")).singleElement().asString().contains("holds no statement");
        assertThat(problems("CREATE TABLE `t` (`id` int(11) NOT NULL;")).singleElement().asString()
                .contains("parentheses do not match");
        assertThat(problems("CREATE TABLE `t` `id` int(11)) NOT NULL;")).singleElement().asString()
                .contains("parentheses do not match");
    }

    private static List<String> problems(String dump) throws IOException {
        DumpReader reader = new DumpReader(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), "t.sql");
        List<String> problems = new ArrayList<>();
        for (DumpStatement s = reader.next(); s != null; s = reader.next()) {
            StatementCheck.problem(s, reader.balanced()).ifPresent(problems::add);
        }
        return problems;
    }
}
