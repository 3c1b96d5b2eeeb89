package org.dbcreator.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;

/** AtlantaFX's Primer theme, light or dark, plus the wizard's own few rules. */
public final class Theme {

    public static final String STYLESHEET = Theme.class.getResource("/org/dbcreator/ui/wizard.css").toExternalForm();

    private Theme() {}

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * The desktop's preference where the environment tells it (GTK_THEME=Adwaita:dark, or a dark
     * theme's name); JavaFX 21 has no API for the platform's setting.
     */
    public static boolean desktopPrefersDark(Map<String, String> env) {
        String gtk = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        return gtk.endsWith(":dark") || gtk.contains("-dark");
    }
}
