package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final String MANIFEST = """
            product: demo
            baseline: { version: 1.0.0, schema: 1.0.0/create.sql }
            steps:
              - { from: 1.0.0, to: 1.1.0, expand: 1.1.0/expand.sql, cleanup: 1.1.0/cleanup.sql }
              - { from: 1.1.0, to: 2.0.0, expand: 2.0.0/expand.sql, cleanup: 2.0.0/cleanup.sql,
                  migrations: [org.example.Fill] }
            """;

    private static MapScriptSource complete() {
        return new MapScriptSource().with("manifest.yaml", MANIFEST).with("1.0.0/create.sql", "CREATE TABLE t (id INT);")
                .with("1.1.0/expand.sql", "ALTER TABLE t ADD COLUMN a INT;").with("1.1.0/cleanup.sql", "")
                .with("2.0.0/expand.sql", "-- nothing").with("2.0.0/cleanup.sql", "");
    }

    @Test
    void bundledCatalogShouldLoadWithAChainOfSteps() {
        Catalog catalog = Catalog.bundled();
        assertThat(catalog.product()).isEqualTo("democloud");
        assertThat(catalog.versions()).first().isEqualTo(catalog.baselineVersion());
        assertThat(catalog.versions()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(catalog.allScripts()).allSatisfy(script -> assertThat(script.statements()).isNotNull());
        assertThat(catalog.manifest().nodes()).isPresent();
    }

    @Test
    void stepsBetweenShouldReturnTheHopsInOrder() {
        Catalog catalog = Catalog.load(complete());
        assertThat(catalog.stepsBetween(Version.parse("1.0.0"), Version.parse("2.0.0"))).map(Step::toString)
                .containsExactly("1.0.0 -> 1.1.0", "1.1.0 -> 2.0.0");
        assertThat(catalog.stepsBetween(Version.parse("1.1.0"), Version.parse("2.0.0"))).hasSize(1);
        assertThat(catalog.stepsBetween(Version.parse("2.0.0"), Version.parse("2.0.0"))).isEmpty();
        assertThat(catalog.latestVersion()).isEqualTo(Version.parse("2.0.0"));
        assertThat(catalog.manifest().steps().get(1).migrationClasses()).containsExactly("org.example.Fill");
    }

    @Test
    void unknownVersionShouldBeRefusedNamingTheKnownOnes() {
        Catalog catalog = Catalog.load(complete());
        assertThatThrownBy(() -> catalog.requireKnown(Version.parse("1.5.0")))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_VERSION))
                .hasMessageContaining("1.0.0").hasMessageContaining("2.0.0");
    }

    @Test
    void missingScriptShouldBeNamedWhenTheCatalogLoads() {
        MapScriptSource source = complete();
        source.with("2.0.0/cleanup.sql", null);
        assertThatThrownBy(() -> Catalog.load(source))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_MISSING))
                .hasMessageContaining("test/2.0.0/cleanup.sql");
    }

    @Test
    void checksumShouldIgnoreLineEndingsButNotContent() {
        assertThat(Script.checksumOf("a;\r\nb;\r\n")).isEqualTo(Script.checksumOf("a;\nb;\n"));
        assertThat(Script.checksumOf("a;\nb;\n")).isNotEqualTo(Script.checksumOf("a;\nc;\n")).hasSize(64);
    }

    @Test
    void scriptsShouldKnowTheirKindAndVersion() {
        Catalog catalog = Catalog.load(complete());
        Step first = catalog.manifest().steps().get(0);
        assertThat(List.of(catalog.baselineScript().kind(), catalog.expandScript(first).kind(),
                catalog.cleanupScript(first).kind()))
                .containsExactly(ScriptKind.BASELINE, ScriptKind.EXPAND, ScriptKind.CLEANUP);
        assertThat(catalog.expandScript(first).version()).isEqualTo(Version.parse("1.1.0"));
    }
}
