package org.dbcreator.catalog.lint;

import static org.dbcreator.catalog.ScriptKind.BASELINE;
import static org.dbcreator.catalog.ScriptKind.CLEANUP;
import static org.dbcreator.catalog.ScriptKind.EXPAND;
import static org.dbcreator.catalog.ScriptKind.MIGRATION;
import static org.dbcreator.catalog.ScriptKind.ROLLBACK;
import static org.dbcreator.catalog.ScriptKind.SAMPLE_DATA;

import java.util.EnumSet;
import java.util.Set;
import org.dbcreator.catalog.ScriptKind;

/**
 * What the expand-safety lint looks for. The ids are stable: scripts and people grep for them.
 * Most rules guard the nodes of older releases, which keep running against an expanded schema, so
 * they apply to expand scripts only: dropping and tightening is what a cleanup is for. Copying a
 * large table hurts in any phase, and MySQL portability (like a comment only the client reads)
 * matters in every script.
 */
public enum Rule {
    DROP_TABLE(Severity.ERROR, "An expand must not drop a table: nodes of older releases still use it.",
            "Drop it in the cleanup script.", EXPAND),
    DROP_COLUMN(Severity.ERROR, "An expand must not drop a column: nodes of older releases still read and write it.",
            "Drop it in the cleanup script.", EXPAND),
    RENAME_TABLE(Severity.ERROR, "An expand must not rename a table: nodes of older releases still use the old name.",
            "Create the new table alongside, keep both in step, drop the old one in a later cleanup.", EXPAND),
    RENAME_COLUMN(Severity.ERROR, "An expand must not rename a column: nodes of older releases still use the old name.",
            "Add a column with the new name and backfill it; drop the old one in a later cleanup.", EXPAND),
    COLUMN_TYPE_CHANGE(Severity.ERROR, "An expand must not narrow, change or tighten (NOT NULL) a column that nodes of"
            + " older releases still write; most type changes also copy the table.",
            "Add a new column, backfill it and switch to it; change or tighten the old one in the cleanup.", EXPAND),
    NOT_NULL_WITHOUT_DEFAULT(Severity.ERROR, "A NOT NULL column without a DEFAULT fails the inserts of older nodes,"
            + " which do not know the column.",
            "Give it a DEFAULT, or add it NULL-able and make it NOT NULL in the cleanup.", EXPAND),
    ADD_FOREIGN_KEY(Severity.ERROR, "A new foreign key refuses rows that older nodes may still write, and adding it"
            + " copies the table.", "Add the foreign key in the cleanup script.", EXPAND),
    ADD_UNIQUE_KEY(Severity.ERROR, "A new unique key on existing columns refuses the duplicates that older nodes may"
            + " still write.", "Add a plain index now and the unique key in the cleanup script.", EXPAND),
    ADD_CHECK_CONSTRAINT(Severity.ERROR, "A new check constraint refuses rows that older nodes may still write, and"
            + " adding it copies the table.", "Add the check constraint in the cleanup script.", EXPAND),
    TRUNCATE_TABLE(Severity.ERROR, "An expand must not empty a table that nodes of older releases still use.",
            "Delete only the rows meant, with a WHERE, or empty the table in the cleanup script.", EXPAND),
    DELETE_WITHOUT_WHERE(Severity.ERROR, "A DELETE without WHERE empties a table that nodes of older releases still use.",
            "Add a WHERE that names the rows meant, or delete in the cleanup script.", EXPAND),
    DROP_INDEX(Severity.WARNING, "Queries of older releases may slow down without the index, or fail if an index hint"
            + " names it.", "Drop it in the cleanup script.", EXPAND),
    LARGE_TABLE_WITHOUT_ALGORITHM(Severity.ERROR, "A table the manifest declares large must be changed without a copy:"
            + " a copy blocks every write of the running nodes until it ends.",
            "State ALGORITHM=INSTANT, or ALGORITHM=INPLACE, LOCK=NONE: the server then refuses rather than copies.",
            EXPAND, CLEANUP, ROLLBACK),
    USE_DATABASE(Severity.ERROR, "A USE switches the rest of the script, and the tool's journal, to another database.",
            "Remove the USE: the tool runs every script in the product's database (a USE of the product's own"
                    + " database name, alone and ended by ';', is skipped).", BASELINE, EXPAND, CLEANUP, ROLLBACK),
    DATABASE_DDL(Severity.ERROR, "CREATE, DROP or ALTER DATABASE acts on a whole database, which may be another"
            + " product's.", "Remove it: the tool creates the product's database itself; scripts change only what is in it.",
            BASELINE, EXPAND, CLEANUP, ROLLBACK),
    OTHER_DATABASE(Severity.ERROR, "A name qualified with another database reaches outside the product's database.",
            "Name the product's own objects without a database (host, not other.host); another database is no part"
                    + " of the product.", BASELINE, EXPAND, CLEANUP, ROLLBACK),
    TRANSACTION_CONTROL(Severity.ERROR, "The tool commits each statement with its journal row: a script's own"
            + " transactions, autocommit switch or table locks would break that record.",
            "Remove it (START TRANSACTION, COMMIT, ROLLBACK, SET autocommit, LOCK/UNLOCK TABLES): each statement"
                    + " is committed for you.", BASELINE, EXPAND, CLEANUP, ROLLBACK),
    ROLLBACK_OUTSIDE_EXPAND(Severity.ERROR, "A rollback runs while nodes of the older releases work: it may undo its"
            + " step's expand, and what else it drops or changes, they still use.",
            "Undo only what the step's expand script created or changed.", ROLLBACK),
    MARIADB_ONLY_SYNTAX(Severity.WARNING, "MariaDB-only syntax: the catalog must run on MySQL 8.0 as well.",
            "Write it in syntax both servers accept.", BASELINE, EXPAND, CLEANUP, ROLLBACK),
    DASH_COMMENT_WITHOUT_SPACE(Severity.WARNING, "Only the mysql/mariadb command-line client takes a line that starts"
            + " with --text for a comment; the server refuses it as SQL.",
            "Put a space after --: the server (and other tools) read --text as code.",
            BASELINE, SAMPLE_DATA, EXPAND, MIGRATION, CLEANUP, ROLLBACK);

    private final Severity severity;
    private final String explanation;
    private final String fix;
    private final Set<ScriptKind> scripts;

    Rule(Severity severity, String explanation, String fix, ScriptKind first, ScriptKind... more) {
        this.severity = severity;
        this.explanation = explanation;
        this.fix = fix;
        this.scripts = EnumSet.of(first, more);
    }

    public Severity severity() {
        return severity;
    }

    /** One line on what the rule guards against. */
    public String explanation() {
        return explanation;
    }

    /** The usual way out; a finding may give a more precise one. */
    public String fix() {
        return fix;
    }

    /** True when scripts of this kind are checked for the rule. */
    public boolean appliesTo(ScriptKind kind) {
        return scripts.contains(kind);
    }
}
