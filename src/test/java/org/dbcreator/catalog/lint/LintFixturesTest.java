package org.dbcreator.catalog.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken fixture catalog yields exactly its own rule, at the line of the offending clause. */
class LintFixturesTest {

    /** Where each rule's fixture breaks it. A new rule without a fixture and a place fails here. */
    private static final Map<Rule, String> EXPECTED = Map.ofEntries(
            Map.entry(Rule.DROP_TABLE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.DROP_COLUMN, "1.1.0/expand.sql:3"),
            Map.entry(Rule.RENAME_TABLE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.RENAME_COLUMN, "1.1.0/expand.sql:2"),
            Map.entry(Rule.COLUMN_TYPE_CHANGE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.NOT_NULL_WITHOUT_DEFAULT, "1.1.0/expand.sql:2"),
            Map.entry(Rule.ADD_FOREIGN_KEY, "1.1.0/expand.sql:2"),
            Map.entry(Rule.ADD_UNIQUE_KEY, "1.1.0/expand.sql:2"),
            Map.entry(Rule.ADD_CHECK_CONSTRAINT, "1.1.0/expand.sql:2"),
            Map.entry(Rule.TRUNCATE_TABLE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.DELETE_WITHOUT_WHERE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.DROP_INDEX, "1.1.0/expand.sql:2"),
            Map.entry(Rule.LARGE_TABLE_WITHOUT_ALGORITHM, "1.1.0/expand.sql:2"),
            Map.entry(Rule.MARIADB_ONLY_SYNTAX, "1.1.0/expand.sql:2"),
            Map.entry(Rule.DASH_COMMENT_WITHOUT_SPACE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.USE_DATABASE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.DATABASE_DDL, "1.1.0/expand.sql:2"),
            Map.entry(Rule.OTHER_DATABASE, "1.1.0/expand.sql:2"),
            Map.entry(Rule.TRANSACTION_CONTROL, "1.1.0/expand.sql:2"),
            Map.entry(Rule.ROLLBACK_OUTSIDE_EXPAND, "1.1.0/rollback.sql:2"));

    static Stream<Rule> rules() {
        return Arrays.stream(Rule.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fixtureShouldYieldExactlyItsRuleAtTheOffendingLine(Rule rule) {
        LintReport report = CatalogLint.check(LintFixtures.catalog(rule.name()));

        assertThat(EXPECTED).as("where the fixture of %s breaks it", rule).containsKey(rule);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(rule);
            assertThat(finding.script() + ":" + finding.line()).isEqualTo(EXPECTED.get(rule));
            assertThat(finding.severity()).isEqualTo(rule.severity());
        });
    }

    @Test
    void cleanFixtureShouldYieldNothing() {
        LintReport report = CatalogLint.check(LintFixtures.catalog("clean"));

        assertThat(report.findings()).isEmpty();
        assertThat(report.scripts()).isEqualTo(4);
    }

    /** The catalog the tool ships must pass its own lint; a step another branch adds is held to it too. */
    @Test
    void bundledCatalogShouldBeExpandSafe() {
        assertThat(CatalogLint.check(Catalog.bundled()).findings()).isEmpty();
    }

    @Test
    void severalFindingsShouldComeInCatalogOrderAndByLine() {
        LintReport report = CatalogLint.check(LintFixtures.catalog("several"));

        assertThat(report.findings()).extracting(f -> f.script() + ":" + f.line() + " " + f.rule()).containsExactly(
                "1.0.0/create-schema.sql:31 MARIADB_ONLY_SYNTAX",
                "1.1.0/expand.sql:3 NOT_NULL_WITHOUT_DEFAULT",
                "1.1.0/expand.sql:4 DROP_COLUMN",
                "1.1.0/expand.sql:6 MARIADB_ONLY_SYNTAX",
                "1.1.0/expand.sql:8 LARGE_TABLE_WITHOUT_ALGORITHM",
                "1.1.0/expand.sql:10 DROP_INDEX",
                "1.1.0/cleanup.sql:4 LARGE_TABLE_WITHOUT_ALGORITHM",
                "1.1.0/cleanup.sql:6 MARIADB_ONLY_SYNTAX");
        assertThat(report.errors()).hasSize(4);
        assertThat(report.warnings()).hasSize(4);
        assertThat(report.only(List.of("1.1.0/expand.sql")).findings()).hasSize(5);
    }
}
