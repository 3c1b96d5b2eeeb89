package org.dbcreator.cli;

import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

final class Versions {

    private Versions() {}

    static Version parse(String text) {
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, e.getMessage() + ".");
        }
    }
}
