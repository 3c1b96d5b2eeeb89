package org.dbcreator.catalog;

/**
 * A place where a statement reaches outside the product's database, or names it.
 *
 * @param line the 1-based line of the script
 * @param what what the statement does there, e.g. "USE other switches the rest of the script to database other"
 */
public record ScopeFinding(Kind kind, int line, String what) {

    public enum Kind {
        /** {@code USE other}, or a USE that is not a statement of its own. */
        USE_DATABASE,
        /** {@code CREATE/DROP/ALTER DATABASE|SCHEMA}. */
        DATABASE_DDL,
        /** A name qualified with another database: {@code other.t}, {@code other.f(...)}. */
        OTHER_DATABASE,
        /** A name qualified with the product's own database name: it runs right only in a database of that name. */
        OWN_DATABASE_NAME
    }

    /** True when the catalog is refused for it; naming the own database only binds the database name. */
    public boolean leavesDatabase() {
        return kind != Kind.OWN_DATABASE_NAME;
    }
}
