package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionProbe;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Database;
import org.dbcreator.db.Identifiers;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.db.ProbeLayer.Layer;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JdbcHistory;

/**
 * The probe: the connection's layers ({@link ConnectionProbe}), then whether the product
 * database exists and is managed, and which operations the account's grants allow. Read-only;
 * an expected failure is a failed layer, never an exception.
 */
final class ProbeOperation {

    /** Connection layers of an invalid database name are probed without it: the name matters only from the database layer on. */
    private static final String NO_DATABASE = "information_schema";

    private ProbeOperation() {}

    static ProbeReport run(Catalog catalog, ConnectionSettings settings) {
        boolean validName = Identifiers.isValid(settings.database());
        ConnectionProbe.Result connection = ConnectionProbe.run(validName ? settings : settings.withDatabase(NO_DATABASE));
        List<ProbeLayer> layers = new ArrayList<>(connection.layers());
        List<ProbeReport.OperationAccess> operations = List.of();
        if (connection.database().isEmpty()) {
            Layer failed = layers.stream().filter(ProbeLayer::isFailed).findFirst().map(ProbeLayer::layer).orElseThrow();
            layers.add(ProbeLayer.skipped(Layer.DATABASE, failed));
            layers.add(ProbeLayer.skipped(Layer.PRIVILEGES, failed));
        } else {
            try (Database database = connection.database().get()) {
                if (!validName) {
                    layers.add(ProbeLayer.failed(Layer.DATABASE, "'" + settings.database() + "' is not a database name the"
                            + " tool accepts.", ErrorCode.INVALID_IDENTIFIER, "Name the database with letters, digits, '_'"
                            + " and '$' (at most 64 characters, not only digits).", Optional.empty()));
                    layers.add(ProbeLayer.skipped(Layer.PRIVILEGES, Layer.DATABASE));
                } else {
                    Optional<Inspection> inspection = inspect(catalog, database, layers);
                    operations = privileges(catalog, database, inspection, layers);
                }
            }
        }
        return new ProbeReport(settings.describe(), settings.tlsMode(), layers, connection.certificate(),
                connection.account(), connection.server().map(s -> s.describe()), operations);
    }

    private static Optional<Inspection> inspect(Catalog catalog, Database database, List<ProbeLayer> layers) {
        String name = database.databaseName();
        Inspection inspection;
        try {
            inspection = new Inspector(database, new JdbcHistory(name)).inspect();
        } catch (DbCreatorException e) {
            layers.add(ProbeLayer.failed(Layer.DATABASE, e.getMessage(), e.code(), e.code().advice(), Optional.empty()));
            return Optional.empty();
        } catch (SQLException e) {
            DbCreatorException failure = Failures.ofOperation(e, database.settings().user(), name);
            layers.add(ProbeLayer.failed(Layer.DATABASE, failure.getMessage(), failure.code(), "Grant SELECT on "
                    + Identifiers.quote(name) + " to user '" + database.settings().user() + "', or connect as a user who"
                    + " has it.", Optional.empty()));
            return Optional.empty();
        }
        layers.add(databaseLayer(catalog, name, inspection));
        return Optional.of(inspection);
    }

    private static ProbeLayer databaseLayer(Catalog catalog, String name, Inspection inspection) {
        if (!inspection.exists()) {
            return ProbeLayer.warning(Layer.DATABASE, "There is no database '" + name + "' on this server yet.",
                    ErrorCode.DATABASE_NOT_FOUND, "Deploy it, or check the database name.");
        }
        if (inspection.isForeign()) {
            return ProbeLayer.warning(Layer.DATABASE, "Database '" + name + "' holds " + inspection.productObjects().size()
                    + " objects DatabaseCreator does not manage.", ErrorCode.DATABASE_NOT_MANAGED,
                    "Check the database name; deploy only into a new or empty database.");
        }
        if (inspection.state().isEmpty()) {
            return ProbeLayer.passed(Layer.DATABASE, "Database '" + name + "' exists and is empty: ready for a deploy.",
                    Optional.empty());
        }
        DatabaseState state = inspection.state().get();
        if (!state.product().equals(catalog.product())) {
            return ProbeLayer.failed(Layer.DATABASE, "Database '" + name + "' holds product '" + state.product()
                    + "', not '" + catalog.product() + "'.", ErrorCode.PRODUCT_MISMATCH,
                    "Point the tool at the right database, or use that product's catalog.", Optional.empty());
        }
        return ProbeLayer.passed(Layer.DATABASE, "Database '" + name + "' is managed: " + state.product() + " "
                + state.schemaVersion().map(Version::toString).orElse("(deploy under way)") + ", " + state.phase() + ".",
                Optional.empty());
    }

    private static List<ProbeReport.OperationAccess> privileges(Catalog catalog, Database database,
            Optional<Inspection> inspection, List<ProbeLayer> layers) {
        Version from = inspection.flatMap(Inspection::state).flatMap(DatabaseState::schemaVersion)
                .filter(catalog::knows).orElse(catalog.baselineVersion());
        List<ProbeReport.OperationAccess> access;
        try (Connection c = database.serverConnection()) {
            access = OperationPrivileges.judge(c, catalog, database.databaseName(), from);
        } catch (SQLException e) {
            DbCreatorException failure = Failures.ofOperation(e, database.settings().user(), database.databaseName());
            layers.add(ProbeLayer.failed(Layer.PRIVILEGES, "Cannot read the account's grants: " + failure.getMessage(),
                    failure.code(), "Try again; every account may read its own grants.", Optional.empty()));
            return List.of();
        }
        layers.add(privilegesLayer(database, access));
        return access;
    }

    private static ProbeLayer privilegesLayer(Database database, List<ProbeReport.OperationAccess> access) {
        String allowed = access.stream().filter(ProbeReport.OperationAccess::allowed).map(a -> name(a.operation()))
                .collect(Collectors.joining(", "));
        List<ProbeReport.OperationAccess> refused = access.stream().filter(a -> !a.allowed()).toList();
        if (refused.isEmpty()) {
            return ProbeLayer.passed(Layer.PRIVILEGES, "The account may run " + allowed + ".", Optional.empty());
        }
        String detail = (allowed.isEmpty() ? "The account may run no operation" : "The account may run " + allowed)
                + "; not " + refused.stream().map(a -> name(a.operation()) + " (lacks " + String.join(", ", a.missing()) + ")")
                        .collect(Collectors.joining(", ")) + ".";
        String fix = "Grant what is missing on " + Identifiers.quote(database.databaseName()) + " to user '"
                + database.settings().user() + "', or connect as a user who has it.";
        boolean statusRefused = refused.stream().anyMatch(a -> a.operation() == ProbeReport.Operation.STATUS);
        return statusRefused
                ? ProbeLayer.failed(Layer.PRIVILEGES, detail, ErrorCode.INSUFFICIENT_PRIVILEGES, fix, Optional.empty())
                : ProbeLayer.warning(Layer.PRIVILEGES, detail, ErrorCode.INSUFFICIENT_PRIVILEGES, fix);
    }

    private static String name(ProbeReport.Operation operation) {
        return operation.name().toLowerCase();
    }
}
