package org.dbcreator.backup;

import java.util.Locale;
import java.util.Optional;

/**
 * A view, routine, trigger or event as the server shows it ({@code SHOW CREATE ...}), with the
 * session settings it was created under, which the dump sets again before re-creating it.
 */
record ObjectDefinition(Kind kind, String name, String createStatement, Optional<String> sqlMode,
        Optional<String> collation, Optional<String> timeZone) {

    enum Kind {
        VIEW,
        PROCEDURE,
        FUNCTION,
        TRIGGER,
        EVENT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    String describe() {
        return kind.label() + " " + name;
    }
}
