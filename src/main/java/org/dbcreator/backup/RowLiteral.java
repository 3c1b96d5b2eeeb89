package org.dbcreator.backup;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row as the dump writes it, {@code (1,'text',0x00FF,NULL)}, from the bytes the server sent
 * (read with {@code getBytes}, which the driver does not reformat: a YEAR stays 2024, a zero date
 * stays 0000-00-00). Backup and restore verification both hash this literal, so it must depend
 * on the values alone.
 */
final class RowLiteral {

    private RowLiteral() {}

    static void append(ResultSet rs, ColumnKind[] kinds, ByteSink out) throws SQLException {
        out.append((byte) '(');
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            byte[] value = rs.getBytes(i + 1);
            if (value == null) {
                SqlLiterals.appendNull(out);
            } else {
                switch (kinds[i]) {
                    case RAW, FLOAT -> out.append(value);
                    case HEX -> SqlLiterals.appendHex(out, value);
                    case QUOTED -> SqlLiterals.appendQuoted(out, value);
                    default -> throw new IllegalStateException("unknown column kind " + kinds[i]);
                }
            }
        }
        out.append((byte) ')');
    }
}
