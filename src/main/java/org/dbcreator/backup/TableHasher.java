package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Computes a table's content checksum as the backup did, by streaming its rows through the same literal. */
final class TableHasher {

    private final ByteSink row = new ByteSink(1 << 12);

    ContentChecksum checksum(Connection c, String database, DumpUnit unit) throws SQLException {
        ContentChecksum checksum = new ContentChecksum();
        ColumnKind[] kinds = unit.table().kinds();
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = s.executeQuery(unit.selectSql(database))) {
                while (rs.next()) {
                    row.reset();
                    RowLiteral.append(rs, kinds, row);
                    checksum.addRow(row.array(), 0, row.size());
                }
            }
        }
        return checksum;
    }
}
