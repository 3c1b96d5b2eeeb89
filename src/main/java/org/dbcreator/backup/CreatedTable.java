package org.dbcreator.backup;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the CREATE statements of a dump that matter before it is restored. */
final class CreatedTable {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:`((?:[^`]|``)+)`|([A-Za-z0-9_$]+))");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?is)CREATE\\s+(?:DATABASE|SCHEMA)\\b.*");

    private CreatedTable() {}

    /** The table a CREATE TABLE statement creates (dump text, one char per byte). */
    static Optional<String> nameOf(String sql) {
        if (!sql.regionMatches(true, 0, "CREATE", 0, 6)) {
            return Optional.empty();
        }
        Matcher m = CREATE_TABLE.matcher(sql);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String name = m.group(1) != null ? m.group(1).replace("``", "`") : m.group(2);
        return Optional.of(new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    static boolean isCreateDatabase(String sql) {
        return sql.regionMatches(true, 0, "CREATE", 0, 6) && CREATE_DATABASE.matcher(sql.substring(0, Math.min(sql.length(), 200)))
                .matches();
    }
}
