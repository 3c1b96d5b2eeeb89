package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** A step's {@code rollback-data}: how its rollback undoes what the new release wrote where it drops. */
class RollbackDataManifestTest {

    private static Catalog load(String rollbackData) {
        String manifest = """
                product: demo
                baseline: { version: 1.0.0, schema: 1.0.0/create.sql }
                steps:
                  - from: 1.0.0
                    to: 1.1.0
                    expand: 1.1.0/expand.sql
                    cleanup: 1.1.0/cleanup.sql
                    rollback: 1.1.0/rollback.sql
                """ + rollbackData;
        return Catalog.load(new MapScriptSource().with("manifest.yaml", manifest)
                .with("1.0.0/create.sql", "CREATE TABLE t (id INT);").with("1.1.0/expand.sql", "ALTER TABLE t ADD COLUMN a INT;")
                .with("1.1.0/cleanup.sql", "").with("1.1.0/rollback.sql", "ALTER TABLE t DROP COLUMN a;"));
    }

    @Test
    void declarationsShouldBeReadByLowerCaseName() {
        Step step = load("""
                    rollback-data:
                      T.A: kept-in-sync
                      tag: restored
                      domain: { count-where: "id <> 1" }
                """).manifest().steps().get(0);
        assertThat(step.rollbackData("t.a")).contains(new RollbackData(RollbackData.Kind.KEPT_IN_SYNC, Optional.empty()));
        assertThat(step.rollbackData("TAG")).map(RollbackData::losesNothing).contains(true);
        assertThat(step.rollbackData("domain")).contains(new RollbackData(RollbackData.Kind.COUNT_WHERE, Optional.of("id <> 1")));
        assertThat(step.rollbackData("other")).isEmpty();
    }

    @Test
    void aStepWithoutDeclarationsShouldDeclareNothing() {
        assertThat(load("").manifest().steps().get(0).rollbackData()).isEmpty();
    }

    @Test
    void badDeclarationsShouldAllBeNamed() {
        assertThatThrownBy(() -> load("""
                    rollback-data:
                      t.a: forgotten
                      "t.a.b": restored
                      domain: { count-where: "1; DROP TABLE t" }
                      tag: { where: x }
                """)).isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID))
                .hasMessageContaining("'forgotten' is not valid here").hasMessageContaining("'t.a.b' is not a table")
                .hasMessageContaining("remove the ';'").hasMessageContaining("unknown key 'where'");
    }
}
