package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintableTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "27|\\x1B", "0|\\x00", "7|\\x07", "13|\\r", "10|\\n", "9|\\t", "127|\\x7F", "133|\\x85", "155|\\x9B",
        "8234|\\u202A", "8238|\\u202E", "8294|\\u2066", "8297|\\u2069"})
    void everyControlAndBidiCharacterShouldBeShownAsAnEscape(int codePoint, String escape) {
        String text = "node" + (char) codePoint + "x";
        assertThat(Printable.line(text)).isEqualTo("node" + escape + "x");
        assertThat(Printable.line(text).chars().noneMatch(c -> Printable.isUnsafe((char) c))).isTrue();
    }

    @Test
    void aForgedLineShouldStayOnTheLineOfItsValue() {
        String name = "n1\u001b[2J\r\nNodes: gate OPEN";
        assertThat(Printable.line(name)).isEqualTo("n1\\x1B[2J\\r\\nNodes: gate OPEN").doesNotContain("\n");
        assertThat(Printable.text("a\nb\u001b[0m")).isEqualTo("a\nb\\x1B[0m");
    }

    @Test
    void printableTextShouldBeLeftAsItIs() {
        String text = "mgmt-01 Zürich 東京 \\x1B (backslashes too) \u2028";
        assertThat(Printable.line(text)).isSameAs(text);
    }
}
