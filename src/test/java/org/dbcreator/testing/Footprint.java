package org.dbcreator.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.db.Identifiers;
import org.dbcreator.db.SchemaIntrospector;
import org.dbcreator.db.SchemaSnapshot;

/**
 * Everything an operation could have changed about a database: whether it exists, its whole
 * schema from information_schema, and every row of the tool's own tables. "Nothing changed"
 * means two footprints are equal.
 */
public record Footprint(List<String> schemata, SchemaSnapshot schema, List<String> toolRows) {

    public static Footprint of(TestDatabase database) throws SQLException {
        try (Connection c = database.server().adminConnection()) {
            // Only this test's database: other tests (other builds, too) create and drop theirs on a shared server.
            List<String> schemata = query(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                    + database.name() + "'");
            SchemaSnapshot schema = SchemaIntrospector.wholeSchema(c, database.name());
            List<String> rows = new ArrayList<>();
            for (String table : query(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + database.name() + "' AND TABLE_NAME LIKE 'dbcreator\\_%' ORDER BY 1")) {
                rows.add("table " + table);
                rows.addAll(query(c, "SELECT * FROM " + Identifiers.quote(database.name()) + "."
                        + Identifiers.quote(table) + " ORDER BY 1, 2, 3"));
            }
            return new Footprint(schemata, schema, rows);
        }
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
