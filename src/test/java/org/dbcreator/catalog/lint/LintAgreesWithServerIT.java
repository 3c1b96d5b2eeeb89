package org.dbcreator.catalog.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.SqlTokens;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's own judgement agrees with the lint. For each fixture whose offending statement
 * alters a table, the fixture's baseline is deployed into a test database and the statement is run
 * rewritten by this test (the engine never rewrites a statement) to force
 * {@code ALGORITHM=INPLACE, LOCK=NONE}: the server refuses every statement the lint flags for copying
 * or locking (error 1845/1846, "ALGORITHM=INPLACE is not supported"), and accepts every ALTER of the
 * clean fixture.
 *
 * <p>DASH_COMMENT_WITHOUT_SPACE is cross-checked on its own: the server refuses the flagged line as code.
 *
 * <p>Only the rules about copying and locking, plus type changes (which need a copy), are cross-checked.
 * The other rules are about the nodes of older releases, not about copying, and the server does
 * their statements online without complaint ({@link #ABOUT_OLDER_NODES} says why each one still breaks
 * the rolling upgrade): its acceptance does not contradict the lint, it is why the lint is needed.
 *
 * <p>Run here on MariaDB 11.4 (embedded) and 10.11 (Debian). MySQL 8.0 cannot be tested on this
 * machine; what is known of it: it refuses the same four statements online (a column type change
 * other than a VARCHAR growing within its length-byte class, a foreign key while foreign_key_checks
 * is on, the first FULLTEXT index of a table, and, believed but untested, a CHECK constraint, which it
 * validates by copying); it refuses {@code ALGORITHM=INSTANT} together with any LOCK but DEFAULT,
 * which MariaDB accepts and the lint flags as MARIADB_ONLY_SYNTAX, so this test forces INPLACE, which
 * both accept; and before 8.0.29 it adds a column instantly only as the last one.
 */
@ExtendWith(TestDatabaseExtension.class)
class LintAgreesWithServerIT {

    /** ER_ALTER_OPERATION_NOT_SUPPORTED and ER_ALTER_OPERATION_NOT_SUPPORTED_REASON, the same on both servers. */
    private static final Set<Integer> NOT_ONLINE = Set.of(1845, 1846);

    /** The rules whose fixtures the server must refuse to run online. */
    private static final Set<Rule> ABOUT_COPYING = EnumSet.of(Rule.COLUMN_TYPE_CHANGE, Rule.ADD_FOREIGN_KEY,
            Rule.ADD_CHECK_CONSTRAINT, Rule.LARGE_TABLE_WITHOUT_ALGORITHM);

    /** Why the server's acceptance of these fixtures online does not contradict the lint. */
    static final Map<Rule, String> ABOUT_OLDER_NODES = Map.ofEntries(
            Map.entry(Rule.DROP_TABLE, "not an ALTER; the table is gone for older nodes however fast it goes"),
            Map.entry(Rule.DROP_COLUMN, "done in place, but older nodes' queries name the column"),
            Map.entry(Rule.RENAME_TABLE, "not an ALTER; older nodes look for the old name"),
            Map.entry(Rule.RENAME_COLUMN, "instant, but older nodes' queries use the old name"),
            Map.entry(Rule.NOT_NULL_WITHOUT_DEFAULT, "done in place, but older nodes' inserts leave the column out"),
            Map.entry(Rule.ADD_UNIQUE_KEY, "built in place, but older nodes may still write duplicates"),
            Map.entry(Rule.TRUNCATE_TABLE, "not an ALTER; it empties a table older nodes use"),
            Map.entry(Rule.DELETE_WITHOUT_WHERE, "not an ALTER; it empties a table older nodes use"),
            Map.entry(Rule.DROP_INDEX, "done in place; older nodes' queries may slow down or name it in a hint"),
            Map.entry(Rule.MARIADB_ONLY_SYNTAX, "about MySQL portability, which a MariaDB server cannot judge"),
            Map.entry(Rule.USE_DATABASE, "not an ALTER; the server switches databases as told, the harm is where"
                    + " the rest of the script then runs (DatabaseScopeIT)"),
            Map.entry(Rule.DATABASE_DDL, "not an ALTER; the server does it, the harm is to a whole database"),
            Map.entry(Rule.OTHER_DATABASE, "the server runs it in the other database, which is the harm"),
            Map.entry(Rule.TRANSACTION_CONTROL, "not an ALTER; the server obeys it, the harm is to the tool's journal"),
            Map.entry(Rule.ROLLBACK_OUTSIDE_EXPAND, "about a rollback script agreeing with its own expand script,"
                    + " which the catalog alone tells (RollbackScopeTest); no server judges it"));

    static Stream<Rule> copyingRules() {
        return ABOUT_COPYING.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copyingRules")
    void serverShouldRefuseOnlineWhatTheLintFlagsForCopying(Rule rule, TestDatabase db) throws SQLException {
        Catalog catalog = LintFixtures.catalog(rule.name());
        Finding finding = CatalogLint.check(catalog).findings().get(0);
        assertThat(finding.rule()).isEqualTo(rule);
        deployBaseline(catalog, db);
        SqlStatement offending = statementAt(catalog.expandScript(catalog.manifest().steps().get(0)).statements(),
                finding.line());
        String online = forceOnline(offending.sql());

        SQLException refusal = catchThrowableOfType(() -> db.execute(online), SQLException.class);

        assertThat((Throwable) refusal).as("the server ran online: %s", online).isNotNull();
        assertThat(refusal.getErrorCode()).as(refusal.getMessage()).isIn(NOT_ONLINE);
    }

    @Test
    void serverShouldAcceptOnlineEveryAlterOfTheCleanFixture(TestDatabase db) throws SQLException {
        Catalog catalog = LintFixtures.catalog("clean");
        assertThat(CatalogLint.check(catalog).findings()).isEmpty();
        deployBaseline(catalog, db);
        List<String> forced = new ArrayList<>();

        for (SqlStatement statement : catalog.expandScript(catalog.manifest().steps().get(0)).statements()) {
            String sql = statement.sql();
            if (altersATable(sql)) {
                sql = forceOnline(sql);
                forced.add(sql);
            }
            db.execute(sql); // an SQLException here is the server disagreeing with the lint
        }

        assertThat(forced).hasSize(6).allSatisfy(sql -> assertThat(sql).matches("(?s).*ALGORITHM=INPLACE,? LOCK=NONE")
                .doesNotContain("INSTANT"));
        assertThat(db.rows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'event' AND COLUMN_NAME = 'level'")).containsExactly("level");
    }

    /**
     * The client drops the flagged line; the server reads it as code. Sent with the statement it
     * stands before, as a tool that does not know the client's rule would, it is refused (1064);
     * with the fix, a space after the dashes, the server runs it.
     */
    @Test
    void serverShouldReadTheFlaggedDashCommentAsCode(TestDatabase db) throws SQLException {
        Catalog catalog = LintFixtures.catalog(Rule.DASH_COMMENT_WITHOUT_SPACE.name());
        Finding finding = CatalogLint.check(catalog).findings().get(0);
        assertThat(finding.rule()).isEqualTo(Rule.DASH_COMMENT_WITHOUT_SPACE);
        deployBaseline(catalog, db);
        Script expand = catalog.expandScript(catalog.manifest().steps().get(0));
        String comment = expand.content().lines().toList().get(finding.line() - 1);
        SqlStatement next = expand.statements().stream().filter(s -> s.line() > finding.line()).findFirst().orElseThrow();

        SQLException refusal = catchThrowableOfType(() -> db.execute(comment + "\n" + next.sql()), SQLException.class);
        assertThat((Throwable) refusal).as("the server took %s for a comment", comment).isNotNull();
        assertThat(refusal.getErrorCode()).as(refusal.getMessage()).isEqualTo(1064);

        db.execute(comment.replaceFirst("--", "-- ") + "\n" + next.sql());
        assertThat(db.rows("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()"))
                .containsExactly("host_account");
    }

    @Test
    void everyRuleShouldBeCrossCheckedOrExplained() {
        Set<Rule> covered = EnumSet.of(Rule.DASH_COMMENT_WITHOUT_SPACE); // cross-checked on its own, above
        covered.addAll(ABOUT_COPYING);
        covered.addAll(ABOUT_OLDER_NODES.keySet());
        assertThat(covered).containsExactlyInAnyOrder(Rule.values());
        assertThat(ABOUT_COPYING).doesNotContainAnyElementsOf(ABOUT_OLDER_NODES.keySet());
    }

    private static void deployBaseline(Catalog catalog, TestDatabase db) throws SQLException {
        db.create();
        for (SqlStatement statement : catalog.baselineScript().statements()) {
            db.execute(statement.sql());
        }
    }

    /** The statement the finding's line belongs to: the last one starting at or before it. */
    private static SqlStatement statementAt(List<SqlStatement> statements, int line) {
        return statements.stream().filter(s -> s.line() <= line).reduce((a, b) -> b).orElseThrow();
    }

    private static boolean altersATable(String sql) {
        SqlTokens t = SqlTokens.of(sql);
        return (t.is(0, "ALTER") && t.is(1, "TABLE")) || isIndexStatement(t);
    }

    private static boolean isIndexStatement(SqlTokens t) {
        int index = t.indexOf("INDEX", 0);
        return (t.is(0, "CREATE") || t.is(0, "DROP")) && index > 0 && index <= 2;
    }

    /**
     * This test's rewrite: any ALGORITHM and LOCK clause out, {@code ALGORITHM=INPLACE, LOCK=NONE} in
     * (CREATE and DROP INDEX take the two options without commas).
     */
    static String forceOnline(String sql) {
        String bare = sql.replaceAll("(?i),?\\s*\\b(ALGORITHM|LOCK)\\s*=?\\s*\\w+", "").strip();
        return bare + (isIndexStatement(SqlTokens.of(bare)) ? " ALGORITHM=INPLACE LOCK=NONE" : ", ALGORITHM=INPLACE, LOCK=NONE");
    }
}
