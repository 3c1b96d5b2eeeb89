package org.dbcreator.backup;

/**
 * A piece of work for one dump connection: a whole table, or one primary-key range of a large
 * table. The first and last ranges are open-ended, so the ranges cover every row whatever the key
 * values are.
 *
 * @param where a WHERE clause, or "" for the whole table
 */
record DumpUnit(TableShape table, String where, int part, int parts) {

    static DumpUnit whole(TableShape table) {
        return new DumpUnit(table, "", 1, 1);
    }

    String selectSql(String database) {
        return table.selectSql(database, where);
    }
}
