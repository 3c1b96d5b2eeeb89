package org.dbcreator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {

    @TempDir
    Path folder;

    @Test
    void writeShouldPlaceTheWholeTextAndLeaveNoTemporaryFile() throws Exception {
        Path written = ReportFile.write(folder.resolve("r.html"), "<p>é</p>", false);

        assertThat(written).isEqualTo(folder.resolve("r.html").toAbsolutePath());
        assertThat(Files.readString(written)).isEqualTo("<p>é</p>");
        assertThat(names()).containsExactly("r.html");
    }

    @Test
    void anExistingFileShouldBeKeptWithoutReplace() throws Exception {
        Path file = Files.writeString(folder.resolve("r.html"), "earlier");

        assertThatThrownBy(() -> ReportFile.write(file, "new", false)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageContaining("exists");
        assertThat(Files.readString(file)).isEqualTo("earlier");
        assertThat(names()).containsExactly("r.html");
    }

    @Test
    void anExistingFileShouldBeReplacedWhenAsked() throws Exception {
        Path file = Files.writeString(folder.resolve("r.html"), "earlier");

        ReportFile.write(file, "new", true);

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(names()).containsExactly("r.html");
    }

    @Test
    void aDirectoryOrAMissingFolderShouldBeRefusedBeforeAnythingIsWritten() throws Exception {
        assertThatThrownBy(() -> ReportFile.requireWritable(folder, true)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> ReportFile.write(folder.resolve("no/such/r.html"), "x", false))
                .hasMessageContaining("does not exist");
        assertThat(names()).isEmpty();
    }

    private Stream<String> names() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
