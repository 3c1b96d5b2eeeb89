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

    @Test
    void scriptsThatLeaveTheDatabaseShouldAllBeRefusedAtLoadWithTheirLines() {
        MapScriptSource source = complete().with("1.1.0/expand.sql", "-- for mysql demo < file\nUSE other;\n"
                + "ALTER TABLE t ADD COLUMN a INT;\n").with("2.0.0/cleanup.sql", "DROP DATABASE demo;\n"
                + "INSERT INTO audit.log\n  SELECT * FROM t;\n");

        assertThatThrownBy(() -> Catalog.load(source))
                .isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_LEAVES_DATABASE))
                .hasMessageContaining("test/1.1.0/expand.sql:2: USE other")
                .hasMessageContaining("test/2.0.0/cleanup.sql:1: DROP DATABASE")
                .hasMessageContaining("test/2.0.0/cleanup.sql:2: names audit.log");
    }

    @Test
    void manifestDatabaseShouldBeTheOwnOneAndDefaultToTheProduct() {
        assertThat(Catalog.load(complete()).database()).isEqualTo("demo");
        MapScriptSource named = complete().with("manifest.yaml", "database: cloud\n" + MANIFEST)
                .with("1.1.0/expand.sql", "USE cloud;\nALTER TABLE t ADD COLUMN a INT;\n");

        Catalog catalog = Catalog.load(named);

        assertThat(catalog.database()).isEqualTo("cloud");
        Script expand = catalog.expandScript(catalog.manifest().steps().get(0));
        assertThat(expand.statements()).extracting(expand::isUseOfOwnDatabase).containsExactly(true, false);
        assertThatThrownBy(() -> Catalog.load(named.with("1.1.0/expand.sql", "USE demo;\n")))
                .isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_LEAVES_DATABASE));
    }

    @Test
    void firstNameQualifiedWithTheOwnDatabaseShouldBeKnown() {
        assertThat(Catalog.load(complete()).ownDatabaseNamedAt()).isEmpty();
        MapScriptSource source = complete().with("1.1.0/expand.sql", "ALTER TABLE t ADD COLUMN a INT;\n"
                + "ALTER TABLE `demo`.`t` ADD COLUMN b INT;\n").with("2.0.0/expand.sql", "SELECT * FROM demo.t;");

        assertThat(Catalog.load(source).ownDatabaseNamedAt()).contains("test/1.1.0/expand.sql:2");
    }

    @Test
    void bundledCatalogShouldStayInItsDatabase() {
        Catalog catalog = Catalog.bundled();
        DatabaseScope scope = new DatabaseScope(catalog.database());

        assertThat(catalog.allScripts()).flatMap(script -> script.statements().stream()
                .flatMap(st -> scope.check(st).stream()).toList()).isEmpty();
        assertThat(catalog.ownDatabaseNamedAt()).isEmpty();
    }
}
