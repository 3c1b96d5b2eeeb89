package org.dbcreator.engine;

import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * What an evaluator asks of the demo.
 *
 * @param version the release to deploy; default: the database's own when it is deployed, else
 *     the catalog's baseline, so that an upgrade can be tried
 * @param port the server's port; 0 for the previous run's, or any free one
 * @param reset delete the demo's data first and start over
 * @param rows sample rows for a fresh database; default {@value #DEFAULT_ROWS} when the catalog
 *     has a sample data generator, none otherwise
 */
public record DemoRequest(UserFolders folders, Catalog catalog, Optional<Version> version, int port, boolean reset,
        OptionalLong rows, long seed) {

    public static final long DEFAULT_ROWS = 10_000;

    public DemoRequest {
        if (rows.isPresent() && rows.getAsLong() < 0) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT,
                    "A sample of " + rows.getAsLong() + " rows is negative; give 0 for no sample data.");
        }
    }
}
