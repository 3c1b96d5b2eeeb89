package org.dbcreator.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** Durations as operators write them: 500ms, 90s, 10m, 2h. */
final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {}

    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT,
                    "'" + text + "' is not a duration: write e.g. 90s, 10m or 2h.");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
