package org.dbcreator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlTest {

    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                Arguments.of("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
                Arguments.of("\"><img src=x onerror=alert(2)>", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
                Arguments.of("' onmouseover='x", "&#39; onmouseover=&#39;x"),
                Arguments.of("R&D &amp; co", "R&amp;D &amp;amp; co"),
                Arguments.of("bell\u0007nul\u0000del\u007fc1\u0085", "bell\uFFFDnul\uFFFDdel\uFFFDc1\uFFFD"),
                Arguments.of("line\nand\ttab", "line\nand\ttab"),
                Arguments.of("sep\u2028arator", "sep\uFFFDarator"),
                Arguments.of("naïve 名前 😀", "naïve 名前 😀"),
                Arguments.of(null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void escapeShouldLeaveNoMarkupAndNoControlCharacters(String text, String escaped) {
        assertThat(Html.escape(text)).isEqualTo(escaped);
    }

    @Test
    void escapeShouldCutVeryLongTextAndSayHowMuchIsLeftOut() {
        String escaped = Html.escape("<".repeat(Html.MAX_CHARS + 10));

        assertThat(escaped).startsWith("&lt;".repeat(Html.MAX_CHARS)).endsWith("… (10 more characters)")
                .doesNotContain("<");
    }

    @Test
    void escapeShouldNotSplitACharacterWhereItCuts() {
        String escaped = Html.escape("a".repeat(Html.MAX_CHARS - 1) + "😀" + "b");

        assertThat(escaped).startsWith("a".repeat(Html.MAX_CHARS - 1) + "…").endsWith("(3 more characters)");
    }

    @Test
    void markupCheckShouldFindTagsAndAttributesTheReportDoesNotWrite() {
        assertThat(HtmlMarkup.foreign("<td class=\"RED\"><img src=x onerror=alert(2)></td><SCRIPT>"))
                .containsExactly("<img", "src=", "onerror=", "<script");
        assertThat(HtmlMarkup.foreign("<td>" + Html.escape("<img src=x onerror=alert(2)>") + "</td>")).isEmpty();
    }
}
