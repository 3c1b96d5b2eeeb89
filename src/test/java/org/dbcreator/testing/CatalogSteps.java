package org.dbcreator.testing;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.DataMigration;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.SampleSize;

/**
 * Applies the bundled catalog's scripts and migrations by hand, statement by statement on one
 * connection, so that a test can stop between expand and cleanup and act as a node would there.
 */
public final class CatalogSteps {

    public static final Catalog CATALOG = Catalog.bundled();

    private CatalogSteps() {}

    /** Deploys {@code version} with the engine, loading the sample first (none when rows is 0). */
    public static void deploy(TestDatabase db, String version, SampleSize sample) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(Version.parse(version)), sample);
        }
    }

    /** The step that leads to {@code version}. */
    public static Step stepTo(String version) {
        return CATALOG.manifest().steps().stream().filter(s -> s.to().equals(Version.parse(version))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step to " + version));
    }

    /** An administrator connection whose default database is the test's. */
    public static Connection connect(TestDatabase db) throws SQLException {
        Connection c = db.server().adminConnection();
        c.setCatalog(db.name());
        return c;
    }

    public static void expand(Connection c, Step step) throws SQLException {
        run(c, CATALOG.expandScript(step));
    }

    public static void cleanup(Connection c, Step step) throws SQLException {
        run(c, CATALOG.cleanupScript(step));
    }

    public static void rollback(Connection c, Step step) throws SQLException {
        run(c, CATALOG.rollbackScript(step).orElseThrow());
    }

    /** Runs each of the step's data migrations to the end, a committed batch at a time. */
    public static void migrate(Connection c, Step step) throws SQLException {
        for (String className : step.migrationClasses()) {
            DataMigration migration = instantiate(className);
            c.setAutoCommit(false);
            try {
                while (migration.migrateBatch(c, 500) > 0) {
                    c.commit();
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void run(Connection c, Script script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (SqlStatement statement : script.statements()) {
                s.execute(statement.sql());
            }
        }
    }

    private static DataMigration instantiate(String className) {
        try {
            return (DataMigration) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot create " + className, cause);
        }
    }
}
