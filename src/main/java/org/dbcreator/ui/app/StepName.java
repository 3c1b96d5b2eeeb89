package org.dbcreator.ui.app;

/**
 * A step as the wizard names it to an admin: a SQL script by its catalog path ({@code
 * 4.3.0/expand.sql}), Java code (a data migration, the sample data) by its own description
 * ({@code backfill event.severity from event.level}), never by its fully qualified class name.
 */
public final class StepName {

    private StepName() {}

    /** The description of a Java step, the path of a script (whose description is empty). */
    public static String of(String name, String description) {
        return description == null || description.isBlank() ? name : description;
    }

    /**
     * As {@link #of}, and for a Java step its class's simple name after it, for an expert reading
     * the log: {@code backfill event.severity from event.level (BackfillEventSeverity)}.
     */
    public static String withClass(String name, String description) {
        return isJava(description) ? description + " (" + simpleName(name) + ")" : name;
    }

    /** True for a Java step, which has a description; a script has none. */
    public static boolean isJava(String description) {
        return description != null && !description.isBlank();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
