package org.dbcreator.catalog.lint;

import java.util.Locale;

/**
 * A table as the schema model knows it: the product's own (unqualified, or qualified with the
 * product's database name) or another database's, which is never confused with the product's.
 *
 * @param database empty for the product's own database, else the other database's name
 */
record TableName(String database, String name) {

    static TableName own(String name) {
        return new TableName("", name);
    }

    boolean isOwn() {
        return database.isEmpty();
    }

    /** The same table whatever case the script wrote it in: the model's key. */
    TableName key() {
        return new TableName(database.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return isOwn() ? name : database + "." + name;
    }
}
