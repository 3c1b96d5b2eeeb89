package org.dbcreator.launch;

import java.util.Locale;
import java.util.Map;

/**
 * Whether a window can be shown at all, decided before any JavaFX class loads: on Linux and the
 * other Unix desktops a window needs an X11 or Wayland display named in the environment; Windows
 * and macOS always have one unless Java was told to run headless.
 */
public final class Display {

    private Display() {}

    public static boolean available(Map<String, String> env) {
        return available(env, System.getProperty("os.name", ""), Boolean.getBoolean("java.awt.headless"));
    }

    static boolean available(Map<String, String> env, String osName, boolean headless) {
        if (headless) {
            return false;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return named(env, "DISPLAY") || named(env, "WAYLAND_DISPLAY");
    }

    private static boolean named(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }
}
