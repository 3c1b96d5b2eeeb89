package org.dbcreator.ui.app;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The wizard's text, from {@code org/dbcreator/ui/messages.properties}: no page holds a sentence of its own. */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.dbcreator.ui.messages");

    private Messages() {}

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String get(String key, Object... arguments) {
        try {
            String text = BUNDLE.getString(key);
            return arguments.length == 0 ? text : MessageFormat.format(text, arguments);
        } catch (MissingResourceException missing) {
            throw new IllegalStateException("messages.properties has no key " + key, missing);
        }
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
