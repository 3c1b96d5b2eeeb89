package org.dbcreator.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void linuxShouldNeedAnX11OrWaylandDisplay() {
        assertThat(Display.available(Map.of(), "Linux", false)).isFalse();
        assertThat(Display.available(Map.of("DISPLAY", " "), "Linux", false)).isFalse();
        assertThat(Display.available(Map.of("DISPLAY", ":0"), "Linux", false)).isTrue();
        assertThat(Display.available(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", false)).isTrue();
    }

    @Test
    void windowsAndMacShouldHaveOneUnlessJavaRunsHeadless() {
        assertThat(Display.available(Map.of(), "Windows 11", false)).isTrue();
        assertThat(Display.available(Map.of(), "Mac OS X", false)).isTrue();
        assertThat(Display.available(Map.of("DISPLAY", ":0"), "Mac OS X", true)).isFalse();
    }

    @Test
    void theWizardShouldBeFoundOnTheClasspath() {
        assertThat(Wizard.installed()).get().extracting(w -> w.getClass().getName())
                .isEqualTo("org.dbcreator.ui.app.WizardLauncher");
    }
}
