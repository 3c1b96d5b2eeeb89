package org.dbcreator.catalog.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A column's type as written, normalised so that synonyms compare equal ({@code INTEGER} and
 * {@code INT(11)}, {@code DECIMAL} and {@code DECIMAL(10,0)}).
 *
 * @param args the values in parentheses, as written (an ENUM's quoted members, a length)
 */
record ColumnType(String name, List<String> args, boolean unsigned, boolean zerofill, boolean binary,
        Optional<String> charset, Optional<String> collation) {

    /** How a redefinition relates to the type before, for older nodes and for the server. */
    enum Change {
        SAME,
        /** Longer VARCHAR, or ENUM/SET members appended: older nodes are unaffected, the server changes it in place. */
        WIDENED,
        /** A VARCHAR grown past 255 bytes: its length prefix grows, which the server can only do by copying. */
        WIDENED_PAST_255_BYTES,
        NARROWED,
        CHANGED
    }

    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("INTEGER", "INT"),
            Map.entry("INT1", "TINYINT"), Map.entry("INT2", "SMALLINT"), Map.entry("INT3", "MEDIUMINT"),
            Map.entry("MIDDLEINT", "MEDIUMINT"), Map.entry("INT4", "INT"), Map.entry("INT8", "BIGINT"),
            Map.entry("BOOL", "TINYINT"), Map.entry("BOOLEAN", "TINYINT"), Map.entry("DEC", "DECIMAL"),
            Map.entry("NUMERIC", "DECIMAL"), Map.entry("FIXED", "DECIMAL"), Map.entry("CHARACTER", "CHAR"),
            Map.entry("REAL", "DOUBLE"), Map.entry("NCHAR", "CHAR"), Map.entry("NVARCHAR", "VARCHAR"));
    private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT");
    private static final List<String> TEXTS = List.of("TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT");
    private static final List<String> BLOBS = List.of("TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB");
    private static final Set<String> LENGTH_ONE = Set.of("CHAR", "BINARY", "BIT");
    private static final Map<String, Integer> BYTES_PER_CHAR = Map.of("latin1", 1, "ascii", 1, "binary", 1,
            "ucs2", 2, "utf8", 3, "utf8mb3", 3, "utf8mb4", 4);

    static ColumnType of(String writtenName, List<String> writtenArgs, boolean unsigned, boolean zerofill,
            boolean binary, Optional<String> charset, Optional<String> collation) {
        String upper = writtenName.toUpperCase(Locale.ROOT);
        String name = SYNONYMS.getOrDefault(upper, upper);
        List<String> args = writtenArgs;
        if (upper.startsWith("BOOL")) {
            args = List.of("1");
        } else if (INTEGERS.contains(name)) {
            args = List.of(); // a display width, deprecated and meaningless for storage
        } else if (name.equals("DECIMAL")) {
            args = List.of(args.isEmpty() ? "10" : args.get(0), args.size() < 2 ? "0" : args.get(1));
        } else if (LENGTH_ONE.contains(name) && args.isEmpty()) {
            args = List.of("1");
        }
        return new ColumnType(name, List.copyOf(args), unsigned, zerofill, binary,
                charset.map(c -> c.toLowerCase(Locale.ROOT)), collation.map(c -> c.toLowerCase(Locale.ROOT)));
    }

    /** The character set that decides how many bytes a character takes: the column's, else the table's. */
    Optional<String> effectiveCharset(Optional<String> tableCharset) {
        return charset.or(() -> collation.map(c -> c.split("_")[0])).or(() -> tableCharset);
    }

    /** How {@code newer} relates to this type; the table's character set decides VARCHAR byte lengths. */
    Change changeTo(ColumnType newer, Optional<String> tableCharset) {
        boolean sameName = name.equals(newer.name);
        boolean sameAttributes = unsigned == newer.unsigned && zerofill == newer.zerofill && binary == newer.binary
                && effectiveCharset(tableCharset).equals(newer.effectiveCharset(tableCharset))
                && collation.equals(newer.collation);
        if (!sameName) {
            return isNarrowing(INTEGERS, newer) || isNarrowing(TEXTS, newer) || isNarrowing(BLOBS, newer)
                    ? Change.NARROWED : Change.CHANGED;
        }
        if (!sameAttributes) {
            return Change.CHANGED;
        }
        if (args.equals(newer.args)) {
            return Change.SAME;
        }
        return switch (name) {
            case "VARCHAR", "VARBINARY" -> lengthChange(newer, tableCharset);
            case "ENUM", "SET" -> membersChange(newer);
            default -> isShorter(newer) ? Change.NARROWED : Change.CHANGED;
        };
    }

    private boolean isNarrowing(List<String> ladder, ColumnType newer) {
        return ladder.contains(name) && ladder.contains(newer.name) && ladder.indexOf(newer.name) < ladder.indexOf(name);
    }

    private Change lengthChange(ColumnType newer, Optional<String> tableCharset) {
        long before = length(args);
        long after = length(newer.args);
        if (before < 0 || after < 0) {
            return Change.CHANGED;
        }
        if (after < before) {
            return Change.NARROWED;
        }
        int bytes = name.equals("VARBINARY") ? 1 : effectiveCharset(tableCharset).map(BYTES_PER_CHAR::get).orElse(4);
        return before * bytes <= 255 && after * bytes > 255 ? Change.WIDENED_PAST_255_BYTES : Change.WIDENED;
    }

    /** Appending members keeps every stored value; removing or reordering them does not. */
    private Change membersChange(ColumnType newer) {
        boolean appended = newer.args.size() > args.size() && newer.args.subList(0, args.size()).equals(args);
        if (!appended) {
            return newer.args.size() < args.size() ? Change.NARROWED : Change.CHANGED;
        }
        boolean sameStorage = name.equals("ENUM") ? (args.size() > 255) == (newer.args.size() > 255)
                : (args.size() + 7) / 8 == (newer.args.size() + 7) / 8;
        return sameStorage ? Change.WIDENED : Change.CHANGED;
    }

    private boolean isShorter(ColumnType newer) {
        return !args.isEmpty() && !newer.args.isEmpty() && length(newer.args) >= 0 && length(newer.args) < length(args);
    }

    private static long length(List<String> args) {
        try {
            return args.size() == 1 ? Long.parseLong(args.get(0)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The type as messages show it, e.g. {@code VARCHAR(64) CHARACTER SET latin1}. */
    String describe() {
        StringBuilder out = new StringBuilder(name);
        if (!args.isEmpty()) {
            out.append('(').append(String.join(",", args)).append(')');
        }
        out.append(unsigned ? " UNSIGNED" : "").append(zerofill ? " ZEROFILL" : "").append(binary ? " BINARY" : "");
        charset.ifPresent(c -> out.append(" CHARACTER SET ").append(c));
        collation.ifPresent(c -> out.append(" COLLATE ").append(c));
        return out.toString();
    }
}
