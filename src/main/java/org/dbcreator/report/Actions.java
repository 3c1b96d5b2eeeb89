package org.dbcreator.report;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The engine's actions and findings as the report names them: the kind in the JSON output's words
 * ({@code UPGRADE}, {@code WAIT_FOR_LOCK}) and each typed argument by its name. The sentences and
 * commands are the command line's; a report states the facts, its reader knows the words.
 */
final class Actions {

    private Actions() {}

    static String kind(Object action) {
        return JsonReport.upperSnake(action.getClass().getSimpleName());
    }

    /** {@code {action, ...its arguments}}, as in {@code status --json}'s {@code nextAction}. */
    static Map<String, Object> json(Object action) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", kind(action));
        arguments(action).forEach(m::put);
        return m;
    }

    /** "UPGRADE (from 4.0.0, target 4.1.0)". */
    static String text(Object action) {
        Map<String, Object> arguments = arguments(action);
        return kind(action) + (arguments.isEmpty() ? "" : arguments.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")")));
    }

    private static Map<String, Object> arguments(Object action) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!action.getClass().isRecord()) {
            return m;
        }
        for (RecordComponent component : action.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(action);
                m.put(component.getName(), plain(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's accessor is public", e);
            }
        }
        return m;
    }

    private static Object plain(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(Actions::plain).toList();
        }
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        return value.toString();
    }
}
