package org.dbcreator.engine;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** The Java parts of a catalog (data migrations, sample data), loaded by the class names the manifest gives. */
final class JavaSteps {

    private JavaSteps() {}

    static BatchedWork migration(String className, int batchSize) {
        DataMigration migration = load(className, DataMigration.class);
        return new BatchedWork() {
            @Override
            public String name() {
                return className;
            }

            @Override
            public String description() {
                return migration.description();
            }

            @Override
            public OptionalLong expectedRows(Connection connection) throws SQLException {
                return migration.expectedRows(connection);
            }

            @Override
            public int runBatch(Connection connection, int batch) throws SQLException {
                return migration.migrateBatch(connection, batchSize);
            }
        };
    }

    static BatchedWork sampleData(String className, SampleSize size) {
        SampleDataGenerator generator = load(className, SampleDataGenerator.class);
        return new BatchedWork() {
            @Override
            public String name() {
                return className;
            }

            @Override
            public String description() {
                return generator.description() + " (" + size.rows() + " rows, seed " + size.seed() + ")";
            }

            @Override
            public int runBatch(Connection connection, int batch) throws SQLException {
                return generator.insertBatch(connection, size, batch);
            }
        };
    }

    /** The rows the sample of {@code size} holds over all tables, as {@code className} tells it. */
    static OptionalLong sampleRows(String className, SampleSize size) {
        return load(className, SampleDataGenerator.class).totalRows(size);
    }

    /**
     * The description of the catalog's data migration or sample-data generator named {@code name};
     * empty when {@code name} is none of them (a script's path) or the class cannot be loaded.
     */
    static Optional<String> description(Catalog catalog, String name) {
        try {
            if (catalog.manifest().baseline().sampleDataClass().filter(name::equals).isPresent()) {
                return Optional.of(load(name, SampleDataGenerator.class).description());
            }
            if (catalog.manifest().steps().stream().anyMatch(s -> s.migrationClasses().contains(name))) {
                return Optional.of(load(name, DataMigration.class).description());
            }
        } catch (DbCreatorException e) {
            return Optional.empty(); // only words for a front end: the run itself reports the broken class
        }
        return Optional.empty();
    }

    /** Loads and instantiates {@code className}, or throws MIGRATION_INVALID saying why not. */
    static <T> T load(String className, Class<T> type) {
        try {
            Class<?> loaded = Class.forName(className, true, JavaSteps.class.getClassLoader());
            if (!type.isAssignableFrom(loaded)) {
                throw new DbCreatorException(ErrorCode.MIGRATION_INVALID,
                        className + " does not implement " + type.getName() + ".");
            }
            return type.cast(loaded.getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            throw new DbCreatorException(ErrorCode.MIGRATION_INVALID, "No class " + className + " on the classpath.", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new DbCreatorException(ErrorCode.MIGRATION_INVALID, "Cannot create " + className + ": " + cause + ".", e);
        }
    }
}
