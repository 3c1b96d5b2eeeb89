package org.dbcreator.backup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders views so that a view comes after the views it reads from. The server shows a view's
 * definition with every name quoted, so a view reads from another when the other's quoted name
 * appears in its definition (a column of the same name only moves it later, which is harmless).
 */
final class ViewOrder {

    private ViewOrder() {}

    static List<ObjectDefinition> dependenciesFirst(List<ObjectDefinition> views) {
        Set<ObjectDefinition> ordered = new LinkedHashSet<>();
        for (ObjectDefinition view : views) {
            visit(view, views, ordered, new LinkedHashSet<>());
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(ObjectDefinition view, List<ObjectDefinition> all, Set<ObjectDefinition> ordered,
            Set<ObjectDefinition> visiting) {
        if (ordered.contains(view) || !visiting.add(view)) {
            return; // done, or a cycle through a same-named column: keep the order found so far
        }
        String body = view.createStatement().substring(view.createStatement().indexOf(" AS ") + 1);
        for (ObjectDefinition other : all) {
            if (other != view && body.contains(SqlNames.quote(other.name()))) {
                visit(other, all, ordered, visiting);
            }
        }
        ordered.add(view);
    }
}
