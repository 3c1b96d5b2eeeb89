package org.dbcreator.backup;

import java.util.List;
import java.util.Optional;

/**
 * The dump's SQL besides the rows: a header that sets up the session, the tables, and a trailer
 * with routines, views, triggers (after the rows, so that restoring the rows does not fire them)
 * and events, which restores the session and ends with the completion line. The order is what the
 * server checks at creation: a routine's, trigger's or event's body is resolved only when it runs,
 * so routines need nothing before them; a view must find every table, view and function it reads
 * (error 1146 or 1305 otherwise), so views come after the routines, each after the views it reads.
 * Only statements the stock mysql/mariadb client runs by itself: no tool-only syntax, no USE, no
 * DROP (restoring over existing tables fails loudly instead of replacing them).
 */
final class DumpScript {

    /** The dump's first words; how a file is recognised as one of ours. */
    static final String TITLE = "-- DatabaseCreator backup";
    /** The dump's last comment: a file without it was cut short. */
    static final String COMPLETE = "DatabaseCreator backup complete";
    static final String SESSION_SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";

    private static final List<String> DELIMITERS = List.of(";;", "$$", "//", "@@@", "%%%");

    private DumpScript() {}

    /** @param facts comment lines that state the backup's identity (see DumpFacts), before the first statement */
    static String header(String database, String describedState, String tool, String server, String startedAt,
            String consistency, String facts) {
        return TITLE + " of database `" + database + "`" + describedState + "\n"
                + "-- Taken " + startedAt + " by DatabaseCreator " + tool + " from " + server + ", " + consistency + ".\n"
                + "-- Restore: dbcreator restore FILE --into DATABASE, or: gunzip -c FILE | mariadb DATABASE\n"
                + facts
                + "--\n"
                + "SET @OLD_CHARACTER_SET_CLIENT = @@CHARACTER_SET_CLIENT, @OLD_CHARACTER_SET_RESULTS = @@CHARACTER_SET_RESULTS,"
                + " @OLD_COLLATION_CONNECTION = @@COLLATION_CONNECTION;\n"
                + "SET NAMES utf8mb4;\n"
                + "SET @OLD_TIME_ZONE = @@TIME_ZONE, TIME_ZONE = '+00:00';\n"
                + "SET @OLD_UNIQUE_CHECKS = @@UNIQUE_CHECKS, UNIQUE_CHECKS = 0;\n"
                + "SET @OLD_FOREIGN_KEY_CHECKS = @@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS = 0;\n"
                + "SET @OLD_SQL_MODE = @@SQL_MODE, SQL_MODE = '" + SESSION_SQL_MODE + "';\n"
                + "SET @OLD_SQL_NOTES = @@SQL_NOTES, SQL_NOTES = 0;\n";
    }

    static String table(DumpSchema.Table table) {
        return "\n--\n-- Table " + SqlNames.quote(table.shape().name()) + "\n--\n" + table.createStatement() + ";\n";
    }

    /** @param facts comment lines that state each table's rows (see DumpFacts), just before the completion line */
    static String trailer(DumpSchema schema, long tables, long rows, String facts) {
        StringBuilder out = new StringBuilder();
        section(out, "Routines", schema.routines());
        section(out, "Views", schema.views());
        section(out, "Triggers", schema.triggers());
        section(out, "Events", schema.events());
        out.append("\nSET SQL_MODE = @OLD_SQL_MODE;\n")
                .append("SET FOREIGN_KEY_CHECKS = @OLD_FOREIGN_KEY_CHECKS;\n")
                .append("SET UNIQUE_CHECKS = @OLD_UNIQUE_CHECKS;\n")
                .append("SET TIME_ZONE = @OLD_TIME_ZONE;\n")
                .append("SET SQL_NOTES = @OLD_SQL_NOTES;\n")
                .append("SET CHARACTER_SET_CLIENT = @OLD_CHARACTER_SET_CLIENT, CHARACTER_SET_RESULTS = @OLD_CHARACTER_SET_RESULTS,"
                        + " COLLATION_CONNECTION = @OLD_COLLATION_CONNECTION;\n")
                .append('\n').append(facts)
                .append("-- ").append(COMPLETE).append(": ").append(tables).append(" tables, ").append(rows)
                .append(" rows\n");
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<ObjectDefinition> definitions) {
        if (definitions.isEmpty()) {
            return;
        }
        out.append("\n--\n-- ").append(title).append("\n--\n");
        for (ObjectDefinition d : definitions) {
            object(out, d);
        }
    }

    /** Each object under the sql_mode, collation and time zone it was created with, as the server keeps them. */
    private static void object(StringBuilder out, ObjectDefinition d) {
        d.sqlMode().ifPresent(mode -> out.append("SET SESSION SQL_MODE = ").append(SqlNames.literal(mode)).append(";\n"));
        d.collation().ifPresent(c -> out.append("SET SESSION COLLATION_CONNECTION = ").append(SqlNames.literal(c))
                .append(";\n"));
        d.timeZone().ifPresent(tz -> out.append("SET SESSION TIME_ZONE = ").append(SqlNames.literal(tz)).append(";\n"));
        Optional<String> delimiter = d.kind() == ObjectDefinition.Kind.VIEW ? Optional.empty()
                : Optional.of(delimiterFor(d.createStatement()));
        if (delimiter.isPresent()) {
            out.append("DELIMITER ").append(delimiter.get()).append('\n').append(d.createStatement()).append(' ')
                    .append(delimiter.get()).append("\nDELIMITER ;\n");
        } else {
            out.append(d.createStatement()).append(";\n");
        }
        out.append("SET NAMES utf8mb4;\n");
        d.timeZone().ifPresent(tz -> out.append("SET SESSION TIME_ZONE = '+00:00';\n"));
        d.sqlMode().ifPresent(mode -> out.append("SET SESSION SQL_MODE = '").append(SESSION_SQL_MODE).append("';\n"));
    }

    /** A routine body may hold any text; pick a delimiter it does not contain. */
    static String delimiterFor(String body) {
        return DELIMITERS.stream().filter(d -> !body.contains(d)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no delimiter fits this body"));
    }
}
