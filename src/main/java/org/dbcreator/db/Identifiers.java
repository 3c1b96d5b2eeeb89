package org.dbcreator.db;

import java.util.regex.Pattern;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Names that come from operators or manifests (databases, users, tables). They are validated
 * before use and always quoted: the tool never builds SQL from an unchecked name.
 */
public final class Identifiers {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_$]{1,64}");
    private static final Pattern DIGITS_ONLY = Pattern.compile("\\d+");

    private Identifiers() {}

    public static boolean isValid(String name) {
        return name != null && SAFE.matcher(name).matches() && !DIGITS_ONLY.matcher(name).matches();
    }

    /** Returns {@code name} unchanged, or throws INVALID_IDENTIFIER naming what it was for. */
    public static String require(String name, String whatItNames) {
        if (!isValid(name)) {
            throw new DbCreatorException(ErrorCode.INVALID_IDENTIFIER,
                    "'" + name + "' is not a valid " + whatItNames + " name.");
        }
        return name;
    }

    /** Backtick-quotes a validated name, e.g. {@code cloud} becomes {@code `cloud`}. */
    public static String quote(String name) {
        return "`" + require(name, "SQL").replace("`", "``") + "`";
    }

    /** Quotes a string literal for the rare statement that cannot take a parameter (GRANT, CREATE USER). */
    public static String literal(String value) {
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("''");
                case '\\' -> out.append("\\\\");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
