package org.dbcreator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dbcreator.testing.Golden;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private final String json = JsonReport.render(SampleReports.expandedWithHostileRows());

    @Test
    void reportShouldMatchItsGoldenFile() {
        Golden.assertMatches("report/expanded-with-hostile-rows.json", json + "\n");
    }

    @Test
    void hostileTextShouldReadBackAsItWas() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(tree.path("nodes").path("nodes").findValuesAsText("name")).containsExactly(SampleReports.SCRIPT_TAG,
                SampleReports.ATTRIBUTE_BREAK, SampleReports.AMPERSAND, SampleReports.LONG);
        assertThat(tree.path("nodes").path("nodes").get(2).path("state").asText()).isEqualTo(SampleReports.CONTROLS);
        assertThat(tree.path("history").get(1).path("installedBy").asText()).isEqualTo(SampleReports.SCRIPT_TAG);
    }

    @Test
    void reportShouldUseTheStatusAndNodesKeys() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(tree.path("phase").asText()).isEqualTo("EXPANDED");
        assertThat(tree.path("lowestRelease").asText()).isEqualTo("4.0.0");
        assertThat(tree.path("highestRelease").asText()).isEqualTo("4.1.0");
        assertThat(tree.path("nextAction").path("action").asText()).isEqualTo("CLEANUP");
        assertThat(tree.path("nextAction").path("target").asText()).isEqualTo("4.1.0");
        assertThat(tree.path("checks").path("checks").get(0).path("fix").get(0).path("action").asText())
                .isEqualTo("RESTART_NODES");
        assertThat(tree.path("nodes").path("gate").asText()).isEqualTo("BLOCKED");
        assertThat(tree.path("nodes").path("nodes").get(0).path("heartbeatAgeSeconds").asDouble()).isEqualTo(1.5);
        assertThat(tree.path("lastRun").path("runId").asText()).isEqualTo("run-2");
        assertThat(tree.path("lastRun").path("journal").get(1).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(tree.path("lock").path("held").asBoolean()).isTrue();
        assertThat(tree.path("backups").get(1).path("kind").asText()).isEqualTo("SKIPPED");
        assertThat(tree.path("backups").get(1).path("ageSeconds").asLong()).isEqualTo(7200);
        assertThat(tree.path("gaps").get(0).path("fact").asText()).isEqualTo("lock");
        assertThat(tree.path("connection").asText()).isEqualTo("reader@db.example:3306/cloud");
    }
}
