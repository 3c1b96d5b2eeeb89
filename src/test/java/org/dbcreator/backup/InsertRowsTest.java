package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsertRowsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO `t` (`a`,`b`) VALUES (1,'x'),(2,'y')                     | t     | 2
            INSERT INTO `t` VALUES\\n(1,'a),(b'),\\n(2,'it''s'),\\n(3,'back\\'slash')  | t     | 3
            INSERT  INTO event VALUES (1,POINT(1,2),NULL)                          | event | 1
            INSERT IGNORE INTO `odd``name` VALUES (1)                              | odd`name | 1
            INSERT INTO `t` VALUES (1,'x') ON DUPLICATE KEY UPDATE a = 1           | t     | 1
            """)
    void shouldCountTheRowsOfAnInsert(String sql, String table, long rows) {
        InsertRows insert = InsertRows.of(sql.replace("\\n", "\n")).orElseThrow();

        assertThat(insert.table()).isEqualTo(table);
        assertThat(insert.rows()).isEqualTo(rows);
    }

    @Test
    void shouldNotTakeOtherStatementsForInserts() {
        assertThat(InsertRows.of("INSERT INTO t SELECT * FROM u")).isEmpty();
        assertThat(InsertRows.of("CREATE TABLE t (id INT)")).isEmpty();
        assertThat(InsertRows.of("INSERT INTO t VALUES (1, 'never closed")).isEmpty();
    }

    @Test
    void shouldReadTheFirstRowsValuesWithTheirColumns() {
        String sql = "INSERT INTO `dbcreator_state` (`id`,`product`,`schema_version`,`run_id`) VALUES"
                + " (1,'demo\\'cloud','4.1.0',NULL),(2,'x','y','z')";

        assertThat(InsertRows.of(sql).orElseThrow().columns()).containsExactly("id", "product", "schema_version", "run_id");
        assertThat(InsertRows.firstRow(sql)).isEqualTo(Arrays.asList("1", "demo'cloud", "4.1.0", null));
    }

    @Test
    void namesAndValuesShouldComeBackAsUtf8() {
        String utf8AsBytes = new String("INSERT INTO `zürich` VALUES ('☃')".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(InsertRows.of(utf8AsBytes).orElseThrow().table()).isEqualTo("zürich");
        assertThat(InsertRows.firstRow(utf8AsBytes)).isEqualTo(List.of("☃"));
    }
}
