package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTextTest {

    @ParameterizedTest
    @CsvSource({
            "0, less than 1 s left",
            "400, 1 s left",
            "12000, 12 s left",
            "59000, 59 s left",
            "60000, about 1 min left",
            "150000, about 3 min left",
            "3599000, about 60 min left",
            "3600000, about 1 h 0 min left",
            "7500000, about 2 h 5 min left"})
    void timeLeftShouldReadAsPeopleSayIt(long millis, String expected) {
        assertThat(ProgressText.left(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void timeLeftShouldExtrapolateTheRateSoFar() {
        assertThat(ProgressText.timeLeft(250, 1000, Duration.ofSeconds(10))).contains(Duration.ofSeconds(30));
        assertThat(ProgressText.timeLeft(1000, 1000, Duration.ofSeconds(10))).contains(Duration.ZERO);
    }

    @Test
    void timeLeftShouldBeUnknownUntilThereIsARate() {
        assertThat(ProgressText.timeLeft(0, 1000, Duration.ofSeconds(10))).isEmpty();
        assertThat(ProgressText.timeLeft(10, 1000, Duration.ZERO)).isEmpty();
        assertThat(ProgressText.timeLeft(10, 0, Duration.ofSeconds(1))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0      | 1000 | 0.0 rows/s",
            "5      | 2000 | 2.5 rows/s",
            "850    | 1000 | 850 rows/s",
            "24800  | 2000 | 12,400 rows/s",
            "3000000| 2000 | 1.5 M rows/s"})
    void ratesShouldBeRowsPerSecond(long rows, long millis, String expected) {
        assertThat(ProgressText.rowsPerSecond(ProgressText.rate(rows, Duration.ofMillis(millis)))).isEqualTo(expected);
    }

    @Test
    void aRateOverNoTimeShouldBeZeroNotInfinite() {
        assertThat(ProgressText.rate(100, Duration.ZERO)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0:00", "7|0:07", "765|12:45", "3723|1:02:03"})
    void elapsedShouldReadAsAClock(long seconds, String expected) {
        assertThat(ProgressText.elapsed(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"512|512 B", "3482|3.4 KB", "12582912|12.0 MB", "1610612736|1.5 GB"})
    void sizesShouldUseBinaryUnits(long bytes, String expected) {
        assertThat(ProgressText.bytes(bytes)).isEqualTo(expected);
    }

    @Test
    void countsShouldHaveThousandsSeparators() {
        assertThat(ProgressText.count(1234567)).isEqualTo("1,234,567");
    }
}
