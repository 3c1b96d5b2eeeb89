package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.dbcreator.db.TlsMode;
import org.junit.jupiter.api.Test;

class CliEquivalentTest {

    @Test
    void aProfileShouldStandForItsSettings() {
        assertThat(CliEquivalent.of("status", new CliEquivalent.ConnectionFields("prod", null, 0, null, null, null, null)))
                .isEqualTo("dbcreator status --profile prod");
    }

    @Test
    void typedSettingsShouldBeRepeatedWithThePasswordPromptNeverThePassword() {
        assertThat(CliEquivalent.of("status", new CliEquivalent.ConnectionFields(null, "db1.example.com", 3307, "cloud",
                "admin", TlsMode.VERIFY_IDENTITY, "/etc/ssl/my ca.pem"), "--json"))
                .isEqualTo("dbcreator status --host db1.example.com --port 3307 --database cloud --user admin"
                        + " --tls-mode VERIFY_IDENTITY --tls-ca '/etc/ssl/my ca.pem' --password-prompt --json");
    }

    @Test
    void shellQuotingShouldSurviveAQuote() {
        assertThat(CliEquivalent.quoted("it's")).isEqualTo("'it'\\''s'");
    }
}
