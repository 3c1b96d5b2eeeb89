package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @ParameterizedTest
    @CsvSource({"4.0.0, 4.1.0, -1", "4.10.0, 4.9.0, 1", "4.1, 4.1.0, 0", "5, 4.99.99, 1", "4.1.0.1, 4.1.0, 1"})
    void versionsShouldCompareNumericallyPartByPart(String left, String right, int expectedSign) {
        assertThat(Integer.signum(Version.parse(left).compareTo(Version.parse(right)))).isEqualTo(expectedSign);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4.x", "v4.1", "4..1", "-1", "4.1.0-SNAPSHOT", "1.2.3.4.5"})
    void malformedVersionsShouldBeRefused(String text) {
        assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a version");
    }

    @org.junit.jupiter.api.Test
    void equalVersionsShouldHaveEqualHashCodesWhateverTheirTrailingZeros() {
        assertThat(Version.parse("4.1")).isEqualTo(Version.parse("4.1.0")).hasSameHashCodeAs(Version.parse("4.1.0"));
        assertThat(Version.parse("4.1.0")).hasToString("4.1.0");
    }
}
