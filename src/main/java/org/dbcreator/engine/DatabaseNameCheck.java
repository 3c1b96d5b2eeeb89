package org.dbcreator.engine;

import org.dbcreator.catalog.Catalog;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Scripts that qualify names with the product's database name ({@code cloud.host}) change that
 * database whatever database they run in: under another name they would half-deploy two
 * databases. Checked before an operation runs any script, dry runs included, so a refused run
 * changes nothing and takes no lock.
 */
final class DatabaseNameCheck {

    private DatabaseNameCheck() {}

    static void require(Catalog catalog, String targetDatabase) {
        catalog.ownDatabaseNamedAt().filter(place -> !targetDatabase.equals(catalog.database())).ifPresent(place -> {
            throw new DbCreatorException(ErrorCode.DATABASE_NAME_BOUND, "The scripts of " + catalog.product()
                    + " name their database '" + catalog.database() + "' (first at " + place + "), so they run right only"
                    + " in a database of that name, not in '" + targetDatabase + "'; nothing was changed.");
        });
    }
}
