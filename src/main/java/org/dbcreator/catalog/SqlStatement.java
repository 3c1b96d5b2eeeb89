package org.dbcreator.catalog;

/**
 * One statement of a script, exactly as its author wrote it (without the delimiter that ended
 * it), with the line it starts on so errors can point at it.
 *
 * @param sql the statement text, sent to the server unchanged
 * @param line the 1-based line of the script where the statement's first character stands
 */
public record SqlStatement(String sql, int line) {}
