package org.dbcreator.backup;

import java.util.Locale;
import java.util.Set;

/** How a column's value is read and written so that it comes back bit for bit. */
enum ColumnKind {
    /** Numbers as the server writes them (DOUBLE in its shortest exact form). */
    RAW,
    /** FLOAT read widened to DOUBLE: the server prints FLOAT rounded to 6 digits, the double is exact. */
    FLOAT,
    /** Text, dates, times, enums, JSON: quoted. */
    QUOTED,
    /** Binary strings, blobs, bits and geometry: hexadecimal. */
    HEX;

    private static final Set<String> NUMBERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "double", "double precision", "real", "year");
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob",
            "bit", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
            "geometrycollection", "geomcollection");

    /** From information_schema.COLUMNS.DATA_TYPE; anything unknown is quoted, which every type accepts. */
    static ColumnKind of(String dataType) {
        String type = dataType.toLowerCase(Locale.ROOT);
        if (type.equals("float")) {
            return FLOAT;
        }
        if (NUMBERS.contains(type)) {
            return RAW;
        }
        return BINARY.contains(type) ? HEX : QUOTED;
    }

    String selectExpression(String column) {
        return this == FLOAT ? "CAST(" + SqlNames.quote(column) + " AS DOUBLE)" : SqlNames.quote(column);
    }
}
