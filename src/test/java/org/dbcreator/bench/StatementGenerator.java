package org.dbcreator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dbcreator.bench.GeneratedSchema.Column;
import org.dbcreator.bench.GeneratedSchema.Table;

/**
 * Writes the statements of a generated catalog, one at a time, in the mix of a real product's
 * years of scripts: tables with primary, unique, secondary and foreign keys; added columns and
 * indexes; reference rows inserted one and several at a time, then updated; views, procedures,
 * functions and triggers; and, in a cleanup, the columns, indexes, triggers and tables that are
 * no longer used. Each statement only refers to what exists at its point of the scripts.
 */
final class StatementGenerator {

    /**
     * Relative frequency of each kind of statement in a baseline or an expand, in the order of {@link #grow}: create
     * table, add columns, add index, single-row insert, multi-row insert, update, view, routine, trigger.
     */
    private static final int[] WEIGHTS = {10, 8, 5, 22, 9, 12, 4, 4, 3};

    private final Random random;
    private final GeneratedSchema schema;

    StatementGenerator(long seed) {
        this.random = new Random(seed);
        this.schema = new GeneratedSchema(random);
    }

    /** The baseline: the audit table the triggers write to, then years of growth in sections. */
    String baseline(int statements) {
        ScriptText script = new ScriptText(random, "Baseline schema and reference data");
        script.statement("CREATE TABLE audit_log (\n  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,\n"
                + "  table_name VARCHAR(64) NOT NULL,\n  row_id BIGINT UNSIGNED NOT NULL,\n  action CHAR(1) NOT NULL,\n"
                + "  PRIMARY KEY (id),\n  KEY i_audit_log_row (table_name, row_id)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        for (int year = 2012; script.statements() < statements; year++) {
            script.section("Release " + (year - 2011) + ".0 (" + year + ")");
            grow(script, Math.min(statements, script.statements() + 30 + random.nextInt(20)));
        }
        return script.text();
    }

    /** An expand: a table to be dropped by the cleanup, then growth like the baseline's. */
    String expand(String version, int statements) {
        ScriptText script = new ScriptText(random, version + " expand: new tables, columns and reference rows");
        Table old = schema.newTable(true);
        createTable(script, old);
        insert(script, old, 3);
        grow(script, statements);
        return script.text();
    }

    /** A cleanup: drops what the releases stopped using and tightens columns; data fixes fill the rest. */
    String cleanup(String version, int statements) {
        ScriptText script = new ScriptText(random, version + " cleanup: what no node of " + version + " uses");
        while (script.statements() < statements) {
            Table table = schema.anyTable().orElseThrow();
            List<Column> droppable = table.extras.stream().filter(c -> !c.indexed).toList();
            List<Table> disposable = schema.tables().stream().filter(t -> t.disposable).toList();
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (!disposable.isEmpty()) {
                        script.statement("DROP TABLE IF EXISTS " + disposable.get(0).name);
                        schema.drop(disposable.get(0));
                    }
                }
                case 1 -> {
                    if (!droppable.isEmpty()) {
                        Column c = droppable.get(random.nextInt(droppable.size()));
                        script.statement("ALTER TABLE " + table.name + " DROP COLUMN " + c.name);
                        table.extras.remove(c);
                    }
                }
                case 2 -> {
                    if (!table.addedIndexes.isEmpty()) {
                        String index = table.addedIndexes.remove(0);
                        script.statement("ALTER TABLE " + table.name + " DROP INDEX " + index);
                        table.extras.stream().filter(c -> index.endsWith("_" + c.name)).forEach(c -> c.indexed = false);
                    }
                }
                case 3 -> {
                    table.extras.stream().filter(c -> c.nullable).findFirst().ifPresent(c -> {
                        script.statement("UPDATE " + table.name + " SET " + c.name + " = " + c.defaultValue() + " WHERE "
                                + c.name + " IS NULL");
                        c.nullable = false;
                        script.statement("ALTER TABLE " + table.name + " MODIFY " + c.definition());
                    });
                }
                case 4 -> {
                    if (!table.triggers.isEmpty()) {
                        String trigger = table.triggers.iterator().next();
                        script.statement("DROP TRIGGER IF EXISTS " + trigger);
                        table.triggers.remove(trigger);
                    }
                }
                default -> update(script);
            }
        }
        return script.text();
    }

    private void grow(ScriptText script, int until) {
        while (script.statements() < until) {
            if (schema.tables().size() < 4) {
                createTable(script, schema.newTable(false));
                continue;
            }
            switch (weighted()) {
                case 0 -> createTable(script, schema.newTable(random.nextInt(8) == 0));
                case 1 -> addColumns(script);
                case 2 -> addIndex(script);
                case 3 -> insert(script, schema.anyTable().orElseThrow(), 1);
                case 4 -> insert(script, schema.anyTable().orElseThrow(), 2 + random.nextInt(9));
                case 5 -> update(script);
                case 6 -> view(script);
                case 7 -> routine(script);
                default -> trigger(script);
            }
        }
    }

    private int weighted() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; ; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return i;
            }
        }
    }

    private void createTable(ScriptText script, Table table) {
        int extras = random.nextInt(4);
        for (int i = 0; i < extras; i++) {
            schema.newColumn(table);
        }
        List<String> lines = new ArrayList<>(List.of("id INT UNSIGNED NOT NULL AUTO_INCREMENT",
                "uuid VARCHAR(40) NOT NULL -- stable id for the API", "name VARCHAR(128) NOT NULL"));
        table.parent.ifPresent(p -> lines.add(table.parentColumn() + " INT UNSIGNED NULL"));
        table.extras.forEach(c -> lines.add(c.definition()));
        lines.add("PRIMARY KEY (id)");
        lines.add("UNIQUE KEY u_" + table.name + "_uuid (uuid)");
        if (random.nextBoolean()) {
            lines.add("KEY i_" + table.name + "_name (name)");
        }
        table.parent.ifPresent(p -> lines.add("CONSTRAINT fk_" + table.name + "_" + p.name + " FOREIGN KEY ("
                + table.parentColumn() + ") REFERENCES " + p.name + " (id) ON DELETE SET NULL"));
        StringBuilder sql = new StringBuilder("CREATE TABLE " + table.name + " (\n");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf(" -- ");
            String body = comment < 0 ? line : line.substring(0, comment);
            sql.append("  ").append(body).append(i < lines.size() - 1 ? "," : "")
                    .append(comment < 0 ? "" : line.substring(comment)).append('\n');
        }
        script.statement(sql.append(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='")
                .append(ScriptText.remark(random)).append("'").toString());
    }

    private void addColumns(ScriptText script) {
        Table table = schema.anyTable().orElseThrow();
        List<String> adds = new ArrayList<>();
        for (int i = random.nextInt(4) == 0 ? 2 : 1; i > 0; i--) {
            adds.add("ADD COLUMN " + schema.newColumn(table).definition());
        }
        script.statement("ALTER TABLE " + table.name + "\n  " + String.join(",\n  ", adds));
    }

    private void addIndex(ScriptText script) {
        schema.anyTable(t -> t.extras.stream().anyMatch(c -> !c.indexed)).ifPresentOrElse(table -> {
            Column c = table.extras.stream().filter(x -> !x.indexed).findFirst().orElseThrow();
            c.indexed = true;
            String index = "i_" + table.name + "_" + c.name;
            table.addedIndexes.add(index);
            script.statement("ALTER TABLE " + table.name + " ADD INDEX " + index + " (" + c.name + ")");
        }, () -> addColumns(script));
    }

    private void insert(ScriptText script, Table table, int rows) {
        StringBuilder values = new StringBuilder();
        String columns = "";
        for (int i = 0; i < rows; i++) {
            String[] row = schema.row(table, ++table.rows);
            columns = row[0];
            values.append(i == 0 ? "" : ",\n  ").append('(').append(row[1]).append(')');
        }
        script.statement("INSERT INTO " + table.name + " (" + columns + ") VALUES" + (rows > 1 ? "\n  " : " ") + values);
    }

    private void update(ScriptText script) {
        Table table = schema.anyTable(t -> t.rows > 0).orElse(null);
        if (table == null) {
            insert(script, schema.anyTable().orElseThrow(), 1);
            return;
        }
        int id = 1 + random.nextInt(table.rows);
        String set;
        if (table.extras.isEmpty() || random.nextInt(4) == 0) {
            set = "name = CONCAT('" + table.name + "-', id, '-v" + random.nextInt(100) + "')";
        } else {
            Column c = table.extras.get(random.nextInt(table.extras.size()));
            set = c.name + " = " + schema.value(c);
        }
        String where = random.nextInt(3) == 0 ? "id BETWEEN " + id + " AND " + (id + random.nextInt(5)) : "id = " + id;
        script.statement("UPDATE " + table.name + " SET " + set + " WHERE " + where);
    }

    private void view(ScriptText script) {
        Table table = schema.anyTable().orElseThrow();
        String name = schema.unique("v_" + table.name);
        String sql = table.parent.map(p -> "CREATE OR REPLACE VIEW " + name + " AS\nSELECT t.id, t.uuid, t.name, p.name AS "
                + p.name + "_name\nFROM " + table.name + " t\nLEFT JOIN " + p.name + " p ON p.id = t." + table.parentColumn())
                .orElse("CREATE OR REPLACE VIEW " + name + " AS SELECT id, uuid, name FROM " + table.name
                        + " WHERE name <> ''");
        script.statement(sql);
    }

    private void routine(ScriptText script) {
        Table table = schema.anyTable().orElseThrow();
        if (random.nextBoolean()) {
            String name = schema.unique("p_rename_" + table.name);
            script.statement("DROP PROCEDURE IF EXISTS " + name);
            script.routine("CREATE PROCEDURE " + name + "(IN p_id INT UNSIGNED, IN p_name VARCHAR(128))\nBEGIN\n"
                    + "  -- keeps the audit trail in step\n  UPDATE " + table.name + " SET name = p_name WHERE id = p_id;\n"
                    + "  INSERT INTO audit_log (table_name, row_id, action) VALUES ('" + table.name + "', p_id, 'U');\nEND");
        } else {
            String name = schema.unique("f_" + table.name + "_name");
            script.statement("DROP FUNCTION IF EXISTS " + name);
            script.routine("CREATE FUNCTION " + name + "(p_id INT UNSIGNED) RETURNS VARCHAR(128)\nREADS SQL DATA\nBEGIN\n"
                    + "  DECLARE v VARCHAR(128);\n  SELECT name INTO v FROM " + table.name + " WHERE id = p_id;\n"
                    + "  RETURN COALESCE(v, '');\nEND");
        }
    }

    private void trigger(ScriptText script) {
        schema.anyTable(t -> t.triggers.size() < 2).ifPresentOrElse(table -> {
            boolean insert = !table.triggers.contains("t_" + table.name + "_ai");
            String name = "t_" + table.name + (insert ? "_ai" : "_au");
            table.triggers.add(name);
            script.routine("CREATE TRIGGER " + name + " AFTER " + (insert ? "INSERT" : "UPDATE") + " ON " + table.name
                    + " FOR EACH ROW\nBEGIN\n  INSERT INTO audit_log (table_name, row_id, action)\n  VALUES ('" + table.name
                    + "', NEW.id, '" + (insert ? "I" : "U") + "');\nEND");
        }, () -> view(script));
    }
}
