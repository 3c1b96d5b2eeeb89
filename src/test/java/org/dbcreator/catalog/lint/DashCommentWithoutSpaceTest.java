package org.dbcreator.catalog.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DASH_COMMENT_WITHOUT_SPACE: a {@code --text} line where the command-line client drops it as a
 * comment, which is before a statement's first token; anywhere else the client sends it as code.
 */
class DashCommentWithoutSpaceTest {

    @TempDir
    Path temp;

    /** Expected: the expand's lines that hold such a comment; "-" for none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--Add the view\\nSELECT 1;                                       | 1",
        "SELECT 1;\\n--;\\n  --indented\\nSELECT 2;--after the delimiter   | 2 3 4",
        "\\n\\n/* a block\\ncomment */ --after it\\nSELECT 1;              | 4",
        "DELIMITER //\\n--after DELIMITER\\nSELECT 1//\\n--under //\\nDELIMITER ;\\n | 2 4",
        "SELECT 1;\\r\\n\\r\\n---three dashes\\r\\nSELECT 2;               | 3",
        "SELECT 1\\n--inside a statement: code, sent to the server\\n;    | -",
        "SELECT 1 --1\\n;                                                | -",
        "-- with a space\\n#hash\\n--\\nSELECT '\\n--in a string';\\n--   | -",
    })
    void shouldFlagTheLinesTheClientDropsAsComments(String expand, String lines) throws IOException {
        LintReport report = CatalogLint.check(LintFixtures.withStep(temp, expand.replace("\\n", "\n").replace("\\r", "\r"), ""));

        assertThat(report.findings()).allSatisfy(f -> assertThat(f.rule()).isEqualTo(Rule.DASH_COMMENT_WITHOUT_SPACE))
                .extracting(Finding::line)
                .containsExactlyElementsOf(lines.equals("-") ? List.of() : List.of(lines.split(" ")).stream()
                        .map(Integer::valueOf).toList());
    }

    @Test
    void cleanupShouldBeCheckedToo() throws IOException {
        LintReport report = CatalogLint.check(LintFixtures.withStep(temp, "", "SELECT 1;\n--Drop the old column\nSELECT 2;\n"));

        assertThat(report.findings()).singleElement().extracting(Finding::text).isEqualTo("1.1.0/cleanup.sql:2:"
                + " DASH_COMMENT_WITHOUT_SPACE warning: a --text comment: only the command-line client drops it, the"
                + " server and other tools would run it as code (Put a space after --: the server (and other tools)"
                + " read --text as code.)");
    }

    @Test
    void findingsShouldComeInLineOrderAmongTheOtherRules() throws IOException {
        String expand = "ALTER TABLE host DROP COLUMN note;\n--Then the index\nDROP INDEX ix_host_name ON host;\n";

        LintReport report = CatalogLint.check(LintFixtures.withStep(temp, expand, ""));

        assertThat(report.findings()).extracting(f -> f.line() + " " + f.rule())
                .containsExactly("1 DROP_COLUMN", "2 DASH_COMMENT_WITHOUT_SPACE", "3 DROP_INDEX");
    }
}
