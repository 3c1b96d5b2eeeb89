package org.dbcreator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.dbcreator.testing.Golden;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final String html = HtmlReport.render(SampleReports.expandedWithHostileRows());

    @Test
    void reportShouldMatchItsGoldenFile() {
        Golden.assertMatches("report/expanded-with-hostile-rows.html", html);
    }

    @Test
    void reportShouldBeSelfContained() {
        assertThat(html.toLowerCase()).doesNotContain("<script", "http:", "https:", "//", "src=\"", "<link", "@import",
                "url(");
        assertThat(HtmlMarkup.foreign(html)).as("tags and attributes the report does not write itself").isEmpty();
    }

    @Test
    void reportShouldShowHostileTextEscaped() {
        assertThat(html).doesNotContain(SampleReports.SCRIPT_TAG, SampleReports.ATTRIBUTE_BREAK, "<img", "\u0007", "\u0000",
                        "\u001b", SampleReports.LONG)
                .contains(Html.escape(SampleReports.SCRIPT_TAG), Html.escape(SampleReports.ATTRIBUTE_BREAK),
                        "R&amp;D node &amp; co", "x".repeat(Html.MAX_CHARS) + "… (500 more characters)");
    }

    @Test
    void reportShouldStateEveryFact() {
        assertThat(html).contains("dbcreator 1.2.3", "reader@db.example:3306/cloud", "MariaDB 10.11.6", "EXPANDED → 4.1.0",
                "4.0.0 – 4.1.0", "4.0.0 → 4.1.0", "Nodes", "1.5 s", "Journal of the last run run-2",
                "Duplicate column name", "held by admin@%", "/backups/cloud-4.0.0.sql.gz", "4.0.0/create-schema.sql",
                "CLEANUP (target 4.1.0, confirmNodesRestarted false)", "may not read the process list");
    }
}
