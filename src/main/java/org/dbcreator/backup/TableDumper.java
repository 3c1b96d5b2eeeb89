package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Dumps units of tables on one connection: streams the rows (the driver holds one row at a time),
 * writes them as multi-row INSERT statements of bounded size, hashes each row, and hands each
 * statement over compressed as a gzip member. Memory stays flat whatever the table's size.
 */
final class TableDumper implements AutoCloseable {

    /** Consumes blocks; blocks while the writer is behind, so memory stays bounded. */
    @FunctionalInterface
    interface BlockSink {
        void put(Block block) throws InterruptedException;
    }

    private static final byte[] COMMA = {','};

    private final Connection connection;
    private final String database;
    private final int statementBytes;
    private final GzipMember gzip;
    private final ByteSink statement;

    TableDumper(Connection connection, String database, int statementBytes, int compressionLevel) {
        this.connection = connection;
        this.database = database;
        this.statementBytes = statementBytes;
        this.gzip = new GzipMember(compressionLevel);
        this.statement = new ByteSink(statementBytes + (statementBytes >> 2));
    }

    void dump(DumpUnit unit, BlockSink sink) throws SQLException, InterruptedException {
        TableShape table = unit.table();
        if (!table.withData()) {
            sink.put(new Block(table.name(), new byte[0], 0, 0, new ContentChecksum(), true));
            return;
        }
        byte[] prefix = table.insertPrefix();
        ColumnKind[] kinds = table.kinds();
        ContentChecksum checksum = new ContentChecksum();
        statement.reset();
        try (Statement s = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE); // stream row by row instead of reading the whole result
            try (ResultSet rs = s.executeQuery(unit.selectSql(database))) {
                while (rs.next()) {
                    statement.append(statement.size() == 0 ? prefix : COMMA);
                    int rowStart = statement.size();
                    RowLiteral.append(rs, kinds, statement);
                    checksum.addRow(statement.array(), rowStart, statement.size());
                    if (statement.size() >= statementBytes) {
                        sink.put(emit(table, checksum, false));
                        checksum = new ContentChecksum();
                    }
                }
            }
        }
        sink.put(emit(table, checksum, true));
    }

    private Block emit(TableShape table, ContentChecksum checksum, boolean unitDone) {
        if (statement.size() == 0) {
            return new Block(table.name(), new byte[0], 0, 0, checksum, unitDone);
        }
        statement.append((byte) ';').append((byte) '\n');
        long rawBytes = statement.size();
        byte[] member = gzip.compress(statement.array(), statement.size());
        statement.reset();
        return new Block(table.name(), member, checksum.rows(), rawBytes, checksum, unitDone);
    }

    @Override
    public void close() {
        gzip.close();
    }
}
