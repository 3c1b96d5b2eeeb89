package org.dbcreator.catalog.lint;

import java.util.Collection;
import java.util.List;

/**
 * ADD_UNIQUE_KEY judged: a new unique (or primary) key is a finding unless no write of an older
 * node can break it.
 *
 * <p>What was decided: a new key on columns K refuses two rows only when both have every column
 * of K non-NULL and equal. If a unique key on a subset S of K holds while the new key is added,
 * those two rows are equal on S too, so that key refused them already: the new key refuses
 * nothing older nodes could write before, and the rows there are satisfy it. This holds when
 * the stricter key stays, and when the same ALTER TABLE drops it while adding the new one (the
 * server swaps them in one step, so no write comes in between). It does not hold when an earlier
 * statement dropped it: writes between the two statements may already break the new key. A key
 * prefix {@code a(10)} in the old key is stricter than {@code a} and still counts; a prefix in the
 * new key is looser than a full column and does not; a key with an expression never counts. A key
 * whose every column is new is safe as before: older nodes leave those columns NULL.
 */
final class NewUniqueKey {

    private NewUniqueKey() {}

    /**
     * @param columns the new key's columns as {@link KeyDefinition} writes them
     * @param replacedHere unique keys the same statement drops
     */
    static boolean isSafe(SchemaModel model, TableName table, List<String> columns,
            Collection<List<String>> replacedHere) {
        if (columns.isEmpty() || columns.contains("")) {
            return false;
        }
        if (columns.stream().allMatch(c -> model.isNewColumn(table, c.replaceFirst("\\(.*", "")))) {
            return true;
        }
        return model.uniqueKeys(table).stream().anyMatch(key -> isStricter(key, columns))
                || replacedHere.stream().anyMatch(key -> isStricter(key, columns));
    }

    /** True when every column of {@code key} (a prefix counting as its column) is one of {@code columns}. */
    private static boolean isStricter(List<String> key, List<String> columns) {
        return !key.isEmpty() && key.stream().allMatch(c -> !c.isEmpty() && columns.contains(c.replaceFirst("\\(.*", "")));
    }
}
