package org.dbcreator.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a generated catalog has created so far (tables, their columns, rows, indexes and triggers),
 * so that every generated statement refers only to what exists at that point of the scripts and
 * succeeds on any server. Names and values come from one seeded {@link Random}: the same seed
 * gives the same catalog.
 */
final class GeneratedSchema {

    private static final String[] AREAS = {"account", "network", "storage", "host", "cluster", "zone", "billing",
        "image", "volume", "firewall", "project", "user", "domain", "template", "offering", "snapshot", "vpn",
        "load_balancer", "dns", "quota", "alert", "usage", "region", "backup"};
    private static final String[] THINGS = {"type", "state", "detail", "map", "policy", "rule", "tag", "limit",
        "setting", "role", "pool", "category", "option", "label", "schedule"};
    private static final String[] WORDS = {"max", "min", "default", "display", "legacy", "external", "billing",
        "cpu", "ram", "disk", "sort", "parent", "owner", "region", "speed", "quota", "public", "hourly"};

    /** The kinds of column the generator adds besides id, uuid, name and the parent's id. */
    enum Kind {
        INT("INT"), BIGINT("BIGINT UNSIGNED"), FLAG("TINYINT(1)"), DECIMAL("DECIMAL(10,2)"), TEXT("VARCHAR(255)"),
        DATE("DATETIME"), STATUS("ENUM('Enabled','Disabled','Removed')");

        final String sql;

        Kind(String sql) {
            this.sql = sql;
        }
    }

    static final class Column {
        final String name;
        final Kind kind;
        boolean nullable;
        boolean indexed;

        Column(String name, Kind kind, boolean nullable) {
            this.name = name;
            this.kind = kind;
            this.nullable = nullable;
        }

        String definition() {
            return name + " " + kind.sql + (nullable ? " NULL" : " NOT NULL DEFAULT " + defaultValue());
        }

        String defaultValue() {
            return switch (kind) {
                case INT, BIGINT, FLAG, DECIMAL -> "0";
                case TEXT -> "''";
                case DATE -> "'2015-01-01 00:00:00'";
                case STATUS -> "'Enabled'";
            };
        }
    }

    static final class Table {
        final String name;
        final Optional<Table> parent;
        /** Made to be dropped by a later cleanup: nothing refers to it. */
        final boolean disposable;
        final List<Column> extras = new ArrayList<>();
        final List<String> addedIndexes = new ArrayList<>();
        final Set<String> triggers = new HashSet<>();
        int rows;

        Table(String name, Optional<Table> parent, boolean disposable) {
            this.name = name;
            this.parent = parent;
            this.disposable = disposable;
        }

        String parentColumn() {
            return parent.map(p -> p.name + "_id").orElseThrow();
        }
    }

    private final Random random;
    private final List<Table> tables = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    GeneratedSchema(Random random) {
        this.random = random;
    }

    List<Table> tables() {
        return tables;
    }

    Table newTable(boolean disposable) {
        List<Table> parents = tables.stream().filter(t -> !t.disposable).toList();
        Optional<Table> parent = parents.isEmpty() || random.nextInt(3) == 0 ? Optional.empty()
                : Optional.of(parents.get(random.nextInt(parents.size())));
        String name = unique(pick(AREAS) + "_" + pick(THINGS) + (disposable ? "_old" : ""));
        Table table = new Table(name, parent, disposable);
        tables.add(table);
        return table;
    }

    Column newColumn(Table table) {
        Set<String> taken = new HashSet<>(List.of("id", "uuid", "name"));
        table.parent.ifPresent(p -> taken.add(table.parentColumn()));
        table.extras.forEach(c -> taken.add(c.name));
        String name;
        do {
            name = pick(WORDS) + "_" + pick(THINGS);
        } while (taken.contains(name));
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        Column column = new Column(name, kind, random.nextBoolean());
        table.extras.add(column);
        return column;
    }

    /** A table that is not disposable, or none while there is none. */
    Optional<Table> anyTable() {
        return anyTable(t -> true);
    }

    /** A table that is not disposable and matches {@code which}, or none. */
    Optional<Table> anyTable(Predicate<Table> which) {
        List<Table> matching = tables.stream().filter(t -> !t.disposable).filter(which).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(random.nextInt(matching.size())));
    }

    void drop(Table table) {
        tables.remove(table);
    }

    /** The columns and values of a new row of {@code table} with this id. */
    String[] row(Table table, int id) {
        List<String> columns = new ArrayList<>(List.of("id", "uuid", "name"));
        List<String> values = new ArrayList<>(List.of(Integer.toString(id), uuid(), "'" + table.name + "-" + id + "'"));
        if (table.parent.isPresent()) {
            columns.add(table.parentColumn());
            int parentRows = table.parent.get().rows;
            values.add(parentRows == 0 ? "NULL" : Integer.toString(1 + random.nextInt(parentRows)));
        }
        for (Column c : table.extras) {
            columns.add(c.name);
            values.add(value(c));
        }
        return new String[] {String.join(", ", columns), String.join(", ", values)};
    }

    String value(Column column) {
        if (column.nullable && random.nextInt(4) == 0) {
            return "NULL";
        }
        return switch (column.kind) {
            case INT -> Integer.toString(random.nextInt(10_000));
            case BIGINT -> Long.toString(random.nextLong() >>> 20);
            case FLAG -> Integer.toString(random.nextInt(2));
            case DECIMAL -> random.nextInt(100_000) / 100 + "." + String.format("%02d", random.nextInt(100));
            case TEXT -> "'" + pick(WORDS) + " " + pick(AREAS) + (random.nextBoolean() ? "''s " + pick(THINGS) : "") + "'";
            case DATE -> String.format("'20%02d-%02d-%02d %02d:%02d:00'", 10 + random.nextInt(15), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
            case STATUS -> "'" + (random.nextInt(4) == 0 ? "Disabled" : "Enabled") + "'";
        };
    }

    String unique(String base) {
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String uuid() {
        return String.format("'%08x-%04x-4%03x-a%03x-%012x'", random.nextInt(), random.nextInt(0x10000), random.nextInt(0x1000),
                random.nextInt(0x1000), random.nextLong() & 0xffffffffffffL);
    }
}
