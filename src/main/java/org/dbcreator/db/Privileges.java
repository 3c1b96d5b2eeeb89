package org.dbcreator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the connected user may do in the product database: global grants plus grants on that
 * database (including wildcard grants such as {@code `app\_%`.*}), read from information_schema,
 * which every user may query about themselves.
 */
public final class Privileges {

    private static final String HELD = """
            SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ?
            UNION
            SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES
             WHERE GRANTEE = ? AND ? LIKE TABLE_SCHEMA""";

    private Privileges() {}

    /** Privileges held on {@code database}, upper case, e.g. "CREATE VIEW". */
    public static Set<String> held(Connection c, String database) throws SQLException {
        String grantee = currentGrantee(c);
        Set<String> held = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(HELD)) {
            ps.setString(1, grantee);
            ps.setString(2, grantee);
            ps.setString(3, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1).toUpperCase());
                }
            }
        }
        return held;
    }

    /** The privileges of {@code needed} that the user lacks on {@code database}, sorted. */
    public static Set<String> missing(Connection c, String database, Collection<String> needed) throws SQLException {
        Set<String> held = held(c, database);
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(held);
        return missing;
    }

    /** CURRENT_USER() as information_schema spells grantees: {@code 'user'@'host'}. */
    private static String currentGrantee(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            String account = rs.getString(1);
            int at = account.lastIndexOf('@');
            return "'" + account.substring(0, at) + "'@'" + account.substring(at + 1) + "'";
        }
    }
}
