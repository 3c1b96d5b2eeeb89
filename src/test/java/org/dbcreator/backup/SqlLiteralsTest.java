package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    private static String quoted(byte[] value) {
        ByteSink out = new ByteSink(4);
        SqlLiterals.appendQuoted(out, value);
        return new String(Arrays.copyOf(out.array(), out.size()), StandardCharsets.UTF_8);
    }

    private static String hex(byte[] value) {
        ByteSink out = new ByteSink(4);
        SqlLiterals.appendHex(out, value);
        return new String(Arrays.copyOf(out.array(), out.size()), StandardCharsets.US_ASCII);
    }

    @Test
    void textShouldEscapeWhatTheServerReadsSpecially() {
        assertThat(quoted("it's a \\ path\nnew\rline\0nul\u001Aeof".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("'it\\'s a \\\\ path\\nnew\\rline\\0nul\\Zeof'");
    }

    @Test
    void multiByteCharactersShouldStayUntouched() {
        assertThat(quoted("Zürich ☃ 𝄞".getBytes(StandardCharsets.UTF_8))).isEqualTo("'Zürich ☃ 𝄞'");
    }

    @Test
    void binaryShouldBeHexadecimal() {
        assertThat(hex(new byte[] {0, (byte) 0xFF, 0x27, 0x5C})).isEqualTo("0x00FF275C");
        assertThat(hex(new byte[0])).isEqualTo("''");
    }
}
