package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {

    /**
     * Golden files: every splitter/*.sql has a sibling *.expected holding its statements as
     * rendered by {@link #render}. After a deliberate change, regenerate them with
     * {@code mvn -B -Dtest=StatementSplitterTest -Ddbcreator.golden.update=true test}, then read
     * the git diff of the *.expected files before committing them.
     */
    private static final Path GOLDEN_DIR = Path.of("src/test/resources/splitter");
    private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("dbcreator.golden.update");

    static Stream<String> goldenInputs() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN_DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenInputs")
    void splitsLikeTheGoldenFile(String fileName) throws IOException {
        String actual = render(StatementSplitter.split(read(fileName), fileName));
        Path expectedFile = GOLDEN_DIR.resolve(fileName.replaceFirst("\\.sql$", ".expected"));
        if (UPDATE_GOLDEN) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedFile).as("golden file missing; run once with -Ddbcreator.golden.update=true").exists();
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        assertThat(actual)
                .as("%s no longer splits as %s says (%s); if that is intended, regenerate with"
                        + " -Ddbcreator.golden.update=true", fileName, expectedFile, firstDifference(expected, actual))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mariadb-dump-10.11.sql", "mariadb-dump-11.4.sql"})
    void stockDumpsShouldHoldEveryObjectOfTheSourceDatabase(String fileName) throws IOException {
        List<SqlStatement> statements = StatementSplitter.split(read(fileName), fileName);

        // What dump-source.sql created; the view appears twice: placeholder first, real view last.
        Map<String, Long> counts = statements.stream()
                .collect(Collectors.groupingBy(s -> kindOf(s.sql()), Collectors.counting()));
        assertThat(counts)
                .containsEntry("CREATE DATABASE", 1L)
                .containsEntry("CREATE TABLE", 3L)
                .containsEntry("INSERT", 3L)
                .containsEntry("CREATE VIEW", 2L)
                .containsEntry("CREATE PROCEDURE", 1L)
                .containsEntry("CREATE FUNCTION", 1L)
                .containsEntry("CREATE TRIGGER", 1L)
                .containsEntry("CREATE EVENT", 1L);

        // Each stored program arrives whole: its body still ends with END.
        Set<String> programs = Set.of("CREATE PROCEDURE", "CREATE FUNCTION", "CREATE TRIGGER", "CREATE EVENT");
        assertThat(statements)
                .filteredOn(s -> programs.contains(kindOf(s.sql())))
                .allSatisfy(s -> assertThat(SqlTokens.of(s.sql()).list()).last().isEqualTo("END"));

        // The sandbox line is a client command: dropped, the first statement is the dump's first SET.
        assertThat(statements.get(0).sql()).startsWith("/*!40101 SET @OLD_CHARACTER_SET_CLIENT");
        assertThat(statements).noneMatch(s -> s.sql().contains("999999"));
    }

    @Test
    void unterminatedSingleQuoteShouldNameFileAndLine() {
        assertInvalid(() -> StatementSplitter.split("SELECT 1;\nSELECT 'open;\nSELECT 2;\n", "1.0.0/a.sql"),
                "1.0.0/a.sql:2:", "'");
    }

    @Test
    void unterminatedDoubleQuoteShouldNameFileAndLine() {
        assertInvalid(() -> StatementSplitter.split("SELECT 1;\n\nSELECT \"open;\n", "1.0.0/a.sql"),
                "1.0.0/a.sql:3:", "\"");
    }

    @Test
    void unterminatedBacktickShouldNameFileAndLine() {
        assertInvalid(() -> StatementSplitter.split("SELECT `col\nFROM t;", "1.0.0/a.sql"), "1.0.0/a.sql:1:", "`");
    }

    @Test
    void unterminatedBlockCommentShouldNameFileAndLine() {
        assertInvalid(() -> StatementSplitter.split("SELECT 1;\n/* open\n;\n", "1.0.0/a.sql"), "1.0.0/a.sql:2:", "/*");
    }

    @Test
    void unterminatedExecutableCommentShouldNameFileAndLine() {
        assertInvalid(() -> StatementSplitter.split("\n/*!40101 SET NAMES utf8mb4 ;\n", "1.0.0/a.sql"),
                "1.0.0/a.sql:2:", "/*!");
    }

    @Test
    void routineBodyWithoutDelimiterShouldBeRefusedWithTheRemedy() {
        String script = "SELECT 1;\nCREATE DEFINER=`app`@`%` PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n";
        assertInvalid(() -> StatementSplitter.split(script, "1.0.0/a.sql"), "1.0.0/a.sql:2:", "DELIMITER $$");
    }

    @Test
    void triggerBodyWithoutDelimiterShouldBeRefused() {
        String script = "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END;";
        assertInvalid(() -> StatementSplitter.split(script, "1.0.0/a.sql"), "1.0.0/a.sql:1:", "CREATE TRIGGER");
    }

    @Test
    void routinesThatNeedNoDelimiterShouldPass() {
        String script = "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.begin = NOW();\n"
                + "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;\n"
                + "CREATE PROCEDURE p() BEGIN END;\n";
        assertThat(StatementSplitter.split(script, "a.sql")).hasSize(3);
    }

    @Test
    void delimiterCommandWithoutDelimiterShouldBeRefused() {
        assertInvalid(() -> StatementSplitter.split("SELECT 1;\nDELIMITER   \nSELECT 2;", "a.sql"), "a.sql:2:", "DELIMITER");
    }

    @Test
    void linesShouldPointAtTheFirstKeptCharacterOfEachStatement() {
        String script = String.join("\n",
                "/* a comment",         // 1
                "   over two lines */", // 2
                "SELECT 'a string",     // 3
                "over two lines';",     // 4
                "DELIMITER $$",         // 5
                "",                     // 6
                "  CREATE PROCEDURE p()", // 7
                "  BEGIN SELECT 1; END$$", // 8
                "DELIMITER ;",          // 9
                "-- a dash comment",    // 10
                "# a hash comment",     // 11
                "SELECT 2; SELECT",     // 12
                "3");                   // 13
        List<SqlStatement> statements = StatementSplitter.split(script, "a.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(3, 7, 12, 12);
        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "SELECT 'a string\nover two lines'", "CREATE PROCEDURE p()\n  BEGIN SELECT 1; END", "SELECT 2", "SELECT\n3");
    }

    @Test
    void dashTextLineBeforeAStatementShouldBeDroppedLikeTheClientDoes() {
        String script = "--Add the view\nCREATE VIEW v AS SELECT 1;\n--;\nSELECT 2 --1\n--text inside is code\n;";

        assertThat(StatementSplitter.split(script, "a.sql")).containsExactly(
                new SqlStatement("CREATE VIEW v AS SELECT 1", 2),
                new SqlStatement("SELECT 2 --1\n--text inside is code", 4));
        assertThat(StatementSplitter.dashCommentsWithoutSpace(script, "a.sql")).containsExactly(1, 3);
    }

    @Test
    void sandboxLineOfMariadbDumpShouldBeDroppedButOtherMariadbCommentsKept() {
        String script = "/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump\n/*M!100616 SET NOTE_VERBOSITY=0 */;\n";
        assertThat(StatementSplitter.split(script, "dump.sql"))
                .containsExactly(new SqlStatement("/*M!100616 SET NOTE_VERBOSITY=0 */", 3));
    }

    @Test
    void windowsLineEndingsShouldCountLinesAndLeaveNoTrailingCarriageReturn() {
        assertThat(StatementSplitter.split("-- header\r\nSELECT 1\r\n;\r\nSELECT 2\r\n", "a.sql"))
                .containsExactly(new SqlStatement("SELECT 1", 2), new SqlStatement("SELECT 2", 4));
    }

    @Test
    void emptyOrCommentOnlyScriptShouldHaveNoStatements() {
        assertThat(StatementSplitter.split("", "a.sql")).isEmpty();
        assertThat(StatementSplitter.split(" ;\n-- nothing\n;;\n/* here */", "a.sql")).isEmpty();
    }

    @Test
    void largeScriptShouldSplitInLinearTime() {
        String statement = "INSERT INTO t VALUES (1, 'text; with -- markers', \"and /* more */\"); -- note\n";
        String script = statement.repeat(200_000); // about 16 MB
        long start = System.nanoTime();
        assertThat(StatementSplitter.split(script, "big.sql")).hasSize(200_000);
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(10_000_000_000L);
    }

    private static void assertInvalid(ThrowingCallable split, String fileAndLine, String detail) {
        assertThatThrownBy(split)
                .isInstanceOf(DbCreatorException.class)
                .satisfies(e -> assertThat(((DbCreatorException) e).code()).isEqualTo(ErrorCode.SCRIPT_INVALID))
                .hasMessageStartingWith(fileAndLine)
                .hasMessageContaining(detail);
    }

    /** The first word after CREATE that names what is created, or the verb: "CREATE TABLE", "INSERT". */
    private static String kindOf(String sql) {
        SqlTokens tokens = SqlTokens.of(sql);
        if (!tokens.verb().equals("CREATE")) {
            return tokens.verb();
        }
        Set<String> objects = Set.of("DATABASE", "TABLE", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "INDEX");
        return tokens.list().stream()
                .map(token -> token.toUpperCase(Locale.ROOT))
                .filter(objects::contains)
                .findFirst()
                .map(object -> "CREATE " + object)
                .orElse("CREATE");
    }

    static String render(List<SqlStatement> statements) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            out.append("-- statement ").append(i + 1).append(", line ").append(statement.line()).append('\n')
                    .append(statement.sql()).append("\n\n");
        }
        return out.toString();
    }

    private static String firstDifference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            if (!lineAt(want, i).equals(lineAt(got, i))) {
                return "first difference at line " + (i + 1) + ": expected [" + lineAt(want, i)
                        + "] but was [" + lineAt(got, i) + "]";
            }
        }
        return "they differ only in line endings";
    }

    private static String lineAt(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : "<end of file>";
    }

    private static String read(String fileName) throws IOException {
        return Files.readString(GOLDEN_DIR.resolve(fileName), StandardCharsets.UTF_8);
    }
}
