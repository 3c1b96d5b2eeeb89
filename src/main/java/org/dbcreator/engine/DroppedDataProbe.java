package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.RollbackData;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.lint.RollbackDrops;

/**
 * Counts, on the server, what the rollback scripts of the steps being rolled back would drop of
 * the data the newer release wrote ({@link DroppedData}). Tables and columns already gone (a
 * resumed rollback dropped them, an interrupted expand never made them) are left out.
 */
final class DroppedDataProbe {

    private final Catalog catalog;

    DroppedDataProbe(Catalog catalog) {
        this.catalog = catalog;
    }

    /** For each step, newest first as given, what its rollback script drops that its expand created. */
    List<DroppedData> probe(Connection c, List<Step> steps) throws SQLException {
        List<DroppedData> found = new ArrayList<>();
        for (Step step : steps) {
            Optional<org.dbcreator.catalog.Script> rollback = catalog.rollbackScript(step);
            if (rollback.isEmpty()) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (RollbackDrops.Dropped d : RollbackDrops.of(catalog.expandScript(step), rollback.get())) {
                if (!seen.add(d.key())) {
                    continue;
                }
                Optional<RollbackData> declared = step.rollbackData(d.key())
                        .or(() -> d.column().isPresent() ? step.rollbackData(d.table()) : Optional.empty());
                count(c, d, declared).ifPresent(rows -> found.add(new DroppedData(step.to(), d.table(), d.column(),
                        rows, declared)));
            }
        }
        return List.copyOf(found);
    }

    /** Empty when the table or column is not there; an empty count when the catalog says nothing is lost. */
    private static Optional<OptionalLong> count(Connection c, RollbackDrops.Dropped d, Optional<RollbackData> declared)
            throws SQLException {
        Optional<String> columnDefault = Optional.empty();
        boolean hasDefault = false;
        if (d.column().isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
                ps.setString(1, d.table());
                ps.setString(2, d.column().get());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    columnDefault = Optional.ofNullable(rs.getString(1));
                    // MariaDB writes a NULL default as the word NULL; MySQL as SQL NULL.
                    hasDefault = columnDefault.filter(v -> !v.equalsIgnoreCase("NULL")).isPresent();
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'")) {
                ps.setString(1, d.table());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
        }
        if (declared.map(RollbackData::losesNothing).orElse(false)) {
            return Optional.of(OptionalLong.empty());
        }
        List<String> conditions = new ArrayList<>();
        if (d.column().isPresent()) {
            String col = quote(d.column().get());
            conditions.add(col + " IS NOT NULL");
            if (hasDefault) {
                conditions.add("NOT (" + col + " <=> DEFAULT(" + col + "))");
            }
        }
        declared.flatMap(RollbackData::countWhere).ifPresent(w -> conditions.add("(" + w + ")"));
        String sql = "SELECT COUNT(*) FROM " + quote(d.table())
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.of(OptionalLong.of(rs.getLong(1)));
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
