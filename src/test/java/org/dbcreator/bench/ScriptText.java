package org.dbcreator.bench;

import java.util.Random;

/**
 * One generated script as an author writes it for the {@code mariadb} client: statements ended by
 * {@code ;}, routine bodies between {@code DELIMITER $$} lines, and comments of every kind around
 * and inside them. Counts the statements it holds.
 */
final class ScriptText {

    private static final String[] REMARKS = {"reference data for the UI", "see the upgrade notes", "kept for old nodes",
        "requested by support", "TODO: remove once every node is upgraded", "do not reorder: ids are used by code",
        "filled in by the management server", "sorted by display order"};

    private final StringBuilder text = new StringBuilder();
    private final Random random;
    private int statements;

    ScriptText(Random random, String header) {
        this.random = random;
        text.append("-- ").append(header).append("\n-- Generated for the many-small-statements benchmark.\n\n");
    }

    /** A plain statement; {@code sql} has no final {@code ;}. */
    void statement(String sql) {
        remark(true);
        text.append(sql).append(";");
        if (random.nextInt(8) == 0) {
            text.append(" -- ").append(remark(random));
        }
        text.append("\n\n");
        statements++;
    }

    /** A routine or trigger whose body holds {@code ;}: written between DELIMITER lines. */
    void routine(String sql) {
        remark(false); // the client takes DELIMITER only at the start of a line
        text.append("DELIMITER $$\n").append(sql).append("$$\nDELIMITER ;\n\n");
        statements++;
    }

    /** A section heading, as scripts collected over the years have. */
    void section(String title) {
        text.append("-- ------------------------------------------------------------\n-- ").append(title)
                .append("\n-- ------------------------------------------------------------\n\n");
    }

    int statements() {
        return statements;
    }

    String text() {
        return text.toString();
    }

    static String remark(Random random) {
        return REMARKS[random.nextInt(REMARKS.length)];
    }

    private void remark(boolean inline) {
        switch (random.nextInt(10)) {
            case 0 -> text.append("-- ").append(remark(random)).append('\n');
            case 1 -> text.append("# ").append(remark(random)).append('\n');
            case 2 -> text.append("/*\n * ").append(remark(random)).append(";\n * ").append(remark(random)).append("\n */\n");
            case 3 -> text.append("/* ").append(remark(random)).append(inline ? " */ " : " */\n");
            default -> { }
        }
    }
}
