package org.dbcreator.backup;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Reads a whole dump without a server: every statement must pass {@link StatementCheck}, the dump
 * must end with its completion line, and it yields the rows per table, what a DatabaseCreator dump
 * states about itself ({@link DumpFacts}), and the product and release recorded in its
 * {@code dbcreator_state} rows. Statements that would leave the target database (USE, CREATE
 * DATABASE) are noted, so that a restore can refuse them.
 */
final class DumpScan {

    /**
     * @param rows rows per table, in the order the tables are created
     * @param product and schemaVersion as the dump's own dbcreator_state row says, if it has one
     * @param elsewhere statements that would act outside the target database
     * @param stated what a DatabaseCreator dump states about itself; nothing for a stock dump
     */
    record Result(DumpInput.Kind kind, boolean compressed, long statements, Map<String, Long> rows, boolean complete,
            String lastComment, Optional<String> product, Optional<String> schemaVersion, List<String> elsewhere,
            DumpFacts.Stated stated) {}

    private DumpScan() {}

    static Result scan(Path file) {
        try (DumpInput.Opened dump = DumpInput.open(file)) {
            Tally tally = new Tally(file, dump, false);
            DumpReader reader = tally.reader(dump.stream());
            for (DumpStatement s = reader.next(); s != null; s = reader.next()) {
                tally.accept(s, reader.balanced());
            }
            return tally.result(reader);
        } catch (EOFException | ZipException e) {
            throw DumpInput.damaged(file, e);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * The scan of one statement at a time, for a reader of the dump's statements: the scan above, or
     * a restore test that checks each statement just before it runs it, reading the file once.
     */
    static final class Tally {

        private final Path file;
        private final DumpInput.Kind kind;
        private final boolean compressed;
        private final boolean refuseElsewhere;
        private final DumpFacts facts;
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final List<String> elsewhere = new ArrayList<>();
        private List<String> state = List.of();
        private long statements;

        /** @param refuseElsewhere refuse a statement that would act outside the target database at once, before it runs */
        Tally(Path file, DumpInput.Opened dump, boolean refuseElsewhere) {
            this.file = file;
            this.kind = dump.kind();
            this.compressed = dump.compressed();
            this.refuseElsewhere = refuseElsewhere;
            this.facts = new DumpFacts(file.toString());
        }

        /** A reader of the dump that hands this tally the facts a DatabaseCreator dump states in its comments. */
        DumpReader reader(InputStream stream) {
            DumpReader reader = new DumpReader(stream, file.getFileName().toString());
            return kind == DumpInput.Kind.DBCREATOR ? reader.onComment(facts) : reader;
        }

        /**
         * Checks and counts one statement; throws BACKUP_DAMAGED when it cannot be what it should.
         *
         * @return its table and rows when it is an INSERT
         */
        Optional<InsertRows> accept(DumpStatement s, boolean balanced) {
            statements++;
            Optional<InsertRows> insert = s.startsWithIgnoreCase("INSERT") ? InsertRows.of(s.sql()) : Optional.empty();
            Optional<String> problem = StatementCheck.problem(s, balanced, insert);
            if (problem.isPresent()) {
                throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, file + " is damaged: line " + s.line() + ": "
                        + problem.get() + ": " + s.excerpt());
            }
            Optional<String> created = CreatedTable.nameOf(s.sql());
            created.ifPresent(t -> rows.putIfAbsent(t, 0L));
            if (insert.isPresent()) {
                rows.merge(insert.get().table(), insert.get().rows(), Long::sum);
                if (insert.get().table().equals("dbcreator_state") && state.isEmpty()) {
                    state = stateOf(insert.get(), s.sql());
                }
            } else if (s.startsWithIgnoreCase("USE ") || s.startsWithIgnoreCase("USE`")
                    || CreatedTable.isCreateDatabase(s.sql())) {
                elsewhere.add("line " + s.line() + ": " + s.excerpt());
                if (refuseElsewhere) {
                    BackupCheck.requireOwnDatabase(file, elsewhere);
                }
            }
            return insert;
        }

        /** What the whole dump held, once the reader has returned its last statement. */
        Result result(DumpReader reader) {
            String last = reader.lastComment();
            boolean complete = kind == DumpInput.Kind.DBCREATOR ? last.startsWith(DumpScript.COMPLETE)
                    : last.startsWith("Dump completed");
            return new Result(kind, compressed, statements, rows, complete, last, value(state, 0), value(state, 1),
                    elsewhere, facts.stated(last));
        }
    }

    /** What a DatabaseCreator dump states in its header, read up to its first statement: a moment's work. */
    static DumpFacts.Stated header(Path file) {
        try (DumpInput.Opened dump = DumpInput.open(file)) {
            DumpFacts facts = new DumpFacts(file.toString());
            DumpReader reader = new DumpReader(dump.stream(), file.getFileName().toString()).onComment(facts);
            reader.next();
            return facts.stated("");
        } catch (EOFException | ZipException e) {
            throw DumpInput.damaged(file, e);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /** [product, schema_version] of the state row, found by column name when the INSERT names them. */
    private static List<String> stateOf(InsertRows insert, String sql) {
        List<String> values = InsertRows.firstRow(sql);
        int product = insert.columns().isEmpty() ? 1 : insert.columns().indexOf("product");
        int version = insert.columns().isEmpty() ? 2 : insert.columns().indexOf("schema_version");
        List<String> state = new ArrayList<>();
        state.add(product >= 0 && product < values.size() ? values.get(product) : null);
        state.add(version >= 0 && version < values.size() ? values.get(version) : null);
        return state;
    }

    private static Optional<String> value(List<String> values, int index) {
        return index < values.size() ? Optional.ofNullable(values.get(index)) : Optional.empty();
    }
}
