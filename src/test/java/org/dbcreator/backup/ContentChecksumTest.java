package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentChecksumTest {

    private static ContentChecksum of(List<String> rows) {
        ContentChecksum sum = new ContentChecksum();
        for (String row : rows) {
            byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
            sum.addRow(bytes, 0, bytes.length);
        }
        return sum;
    }

    @Test
    void orderOfRowsShouldNotMatter() {
        assertThat(of(List.of("(1,'a')", "(2,'b')", "(3,NULL)")).hex())
                .isEqualTo(of(List.of("(3,NULL)", "(1,'a')", "(2,'b')")).hex());
    }

    @Test
    void duplicateRowsShouldNotCancelOut() {
        assertThat(of(List.of("(1,'a')", "(1,'a')")).hex()).isNotEqualTo(of(List.of()).hex());
        assertThat(of(List.of("(1,'a')", "(1,'a')", "(2,'b')")).hex()).isNotEqualTo(of(List.of("(2,'b')")).hex());
    }

    @Test
    void anyChangedByteShouldChangeTheChecksum() {
        String row = "(1,'a value of some length',NULL,0x00FF)";
        String reference = of(List.of(row)).hex();
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            ContentChecksum sum = new ContentChecksum();
            sum.addRow(changed, 0, changed.length);
            assertThat(sum.hex()).as("byte %d changed", i).isNotEqualTo(reference);
        }
    }

    @Test
    void partsShouldAddUpToTheWhole() {
        ContentChecksum whole = of(List.of("(1)", "(2)", "(3)", "(4)"));
        ContentChecksum parts = of(List.of("(1)", "(2)"));
        parts.add(of(List.of("(3)", "(4)")));

        assertThat(parts.hex()).isEqualTo(whole.hex());
        assertThat(parts.rows()).isEqualTo(4);
    }
}
