package org.dbcreator.cluster;

import java.util.Map;

/**
 * A write a demo node made and the server acknowledged (its transaction committed): the row, and
 * the values as the node's release wrote them. A test checks every one is still there later.
 *
 * @param insert true for a new row, false for a change to an existing one
 */
public record NodeWrite(String table, long id, boolean insert, Map<String, Object> values) {}
