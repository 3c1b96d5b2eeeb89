package org.dbcreator.engine;

import java.time.Instant;
import org.dbcreator.catalog.Version;

/** A problem status found in the database or the catalog, as data with its sentence. */
public sealed interface StatusFinding {

    /** The finding in one sentence, for people. */
    String text();

    /** An applied script whose text changed afterwards; the released text must be put back. */
    record ScriptChanged(String location, Instant appliedAt, String checksumThen, String checksumNow)
            implements StatusFinding {
        @Override
        public String text() {
            return location + " was changed after it was applied on " + appliedAt + " (checksum "
                    + shortSum(checksumThen) + " then, " + shortSum(checksumNow) + " now).";
        }

        private static String shortSum(String checksum) {
            return checksum.substring(0, Math.min(12, checksum.length()));
        }
    }

    /** The database holds another product than the catalog's. */
    record OtherProduct(String databaseProduct, String catalogProduct) implements StatusFinding {
        @Override
        public String text() {
            return "The database holds product '" + databaseProduct + "', the catalog is for '" + catalogProduct + "'.";
        }
    }

    /** The database is at a release this catalog does not know yet. */
    record NewerThanCatalog(Version database, Version catalogLatest) implements StatusFinding {
        @Override
        public String text() {
            return "The database (" + database + ") is newer than this catalog (" + catalogLatest + ").";
        }
    }
}
