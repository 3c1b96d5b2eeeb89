package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestReaderTest {

    private static final String VALID = """
            product: demo
            database: app
            baseline: { version: 1.0.0, schema: 1.0.0/create.sql }
            steps:
              - from: 1.0.0
                to: 1.1.0
                expand: 1.1.0/expand.sql
                cleanup: 1.1.0/cleanup.sql
                rollback: 1.1.0/rollback.sql
            nodes:
              table: node
              columns: { name: name, version: version, state: state, heartbeat: seen }
              stale-after: 45s
              demo-workload: com.example.DemoNodeWorkload
              restart-instructions: >-
                Stop the node's service,
                install the new release, start it.
            """;

    @Test
    void validManifestShouldBeReadCompletely() {
        Manifest manifest = ManifestReader.read(VALID, "m.yaml");
        assertThat(manifest.product()).isEqualTo("demo");
        assertThat(manifest.defaultDatabase()).isEqualTo("app");
        assertThat(manifest.baseline().schemaPath()).isEqualTo("1.0.0/create.sql");
        assertThat(manifest.steps()).singleElement().satisfies(step -> {
            assertThat(step.rollbackPath()).contains("1.1.0/rollback.sql");
            assertThat(step.migrationClasses()).isEmpty();
        });
        assertThat(manifest.nodes()).hasValueSatisfying(nodes -> {
            assertThat(nodes.heartbeatColumn()).isEqualTo("seen");
            assertThat(nodes.staleAfter()).isEqualTo(Duration.ofSeconds(45));
            assertThat(nodes.demoWorkload()).contains("com.example.DemoNodeWorkload");
            assertThat(nodes.restartInstructions()).contains("Stop the node's service, install the new release, start it.");
        });
    }

    @Test
    void nodeRegistryWithoutRestartInstructionsShouldHaveNone() {
        Manifest manifest = ManifestReader.read(VALID.replaceAll("(?s)  restart-instructions:.*", ""), "m.yaml");
        assertThat(manifest.nodes()).hasValueSatisfying(nodes -> assertThat(nodes.restartInstructions()).isEmpty());
    }

    /** Each broken manifest must name the file and the line of the mistake. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key            | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nstep: []'  | m.yaml:3: unknown key 'step'",
        "bad version            | 'product: demo\\nbaseline:\\n  version: one\\n  schema: a.sql'           | m.yaml:3: 'one' is not a version",
        "missing product        | 'baseline: { version: 1.0.0, schema: a.sql }'                          | m.yaml:1: product is missing",
        "broken chain           | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nsteps:\\n  - from: 1.0.0\\n    to: 1.1.0\\n    expand: e.sql\\n    cleanup: c.sql\\n  - from: 1.2.0\\n    to: 1.3.0\\n    expand: e.sql\\n    cleanup: c.sql' | m.yaml:8: step starts at 1.2.0 but the previous release is 1.1.0",
        "step going backwards   | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nsteps:\\n  - { from: 1.0.0, to: 0.9.0, expand: e.sql, cleanup: c.sql }' | m.yaml:4: step goes from 1.0.0 to 0.9.0",
        "path outside catalog   | 'product: demo\\nbaseline: { version: 1.0.0, schema: ../../etc/passwd }' | must be a path inside the catalog folder",
        "bad migration class    | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nsteps:\\n  - from: 1.0.0\\n    to: 1.1.0\\n    expand: e.sql\\n    cleanup: c.sql\\n    migrations: [not a class]' | m.yaml:8: 'not a class' is not a Java class name",
        "bad database name      | 'product: demo\\ndatabase: drop table\\nbaseline: { version: 1.0.0, schema: a.sql }' | m.yaml:2: 'drop table' is not a valid database name",
        "bad duration           | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nnodes:\\n  table: n\\n  columns: { name: a, version: b, state: c, heartbeat: d }\\n  stale-after: soon' | m.yaml:6: 'soon' is not a duration",
        "bad demo workload      | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nnodes:\\n  table: n\\n  columns: { name: a, version: b, state: c, heartbeat: d }\\n  demo-workload: 1node' | m.yaml:6: '1node' is not a Java class name",
        "not yaml               | 'product: [demo\\nbaseline: x'                                        | m.yaml:2: not valid YAML",
        "large-tables not list  | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nlarge-tables: event' | m.yaml:3: large-tables must be a list",
        "bad large table name   | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nlarge-tables:\\n  - event\\n  - usage event' | m.yaml:5: 'usage event' is not a valid table or column name",
        "large table twice      | 'product: demo\\nbaseline: { version: 1.0.0, schema: a.sql }\\nlarge-tables: [event, Event]' | m.yaml:3: 'Event' is listed twice",
    })
    void brokenManifestShouldNameFileAndLine(String name, String yaml, String expected) {
        assertThatThrownBy(() -> ManifestReader.read(yaml.replace("\\n", "\n"), "m.yaml"))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID))
                .hasMessageContaining(expected);
    }

    @Test
    void largeTablesShouldBeReadAndCompareWithoutCase() {
        Manifest manifest = ManifestReader.read(VALID + "large-tables: [event, usage_event]\n", "m.yaml");
        assertThat(manifest.largeTables()).containsExactly("event", "usage_event");
        assertThat(manifest.isLarge("Usage_Event")).isTrue();
        assertThat(manifest.isLarge("host")).isFalse();
        assertThat(ManifestReader.read(VALID, "m.yaml").largeTables()).isEmpty();
    }

    @Test
    void allFindingsShouldBeReportedAtOnce() {
        String yaml = "product: Demo!\nbaseline: { version: x, schema: a.sql }\n";
        assertThatThrownBy(() -> ManifestReader.read(yaml, "m.yaml"))
                .hasMessageContaining("m.yaml:1: 'Demo!' is not valid here")
                .hasMessageContaining("m.yaml:2: 'x' is not a version");
    }
}
