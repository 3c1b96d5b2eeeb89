package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

    @Test
    void shouldReadShortAndIsoDurations() {
        assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("PT36H")).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void shouldRefuseAnythingElseSayingHowToWriteIt() {
        assertThatThrownBy(() -> Durations.parse("a day")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("e.g. 24h");
    }
}
