package org.dbcreator.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where per-user files go: DBCREATOR_HOME first, then the XDG variables, then the XDG defaults. */
class UserFoldersTest {

    private static final Path HOME = Path.of("/home/ops");

    @Test
    void withoutVariablesTheXdgDefaultsShouldApply() {
        assertThat(UserFolders.from(Map.of(), HOME)).isEqualTo(new UserFolders(Path.of("/home/ops/.local/share/dbcreator"),
                Path.of("/home/ops/.cache/dbcreator"), Path.of("/home/ops/.config/dbcreator")));
    }

    @Test
    void xdgVariablesShouldMoveEachFolder() {
        UserFolders folders = UserFolders.from(Map.of("XDG_DATA_HOME", "/d", "XDG_CACHE_HOME", "/c",
                "XDG_CONFIG_HOME", "/e"), HOME);

        assertThat(folders).isEqualTo(new UserFolders(Path.of("/d/dbcreator"), Path.of("/c/dbcreator"), Path.of("/e/dbcreator")));
        assertThat(folders.profile("prod")).isEqualTo(Path.of("/e/dbcreator/profiles/prod.properties"));
    }

    @Test
    void dbcreatorHomeShouldOverrideEverything() {
        UserFolders folders = UserFolders.from(Map.of("DBCREATOR_HOME", "/srv/dbc", "XDG_CONFIG_HOME", "/e"), HOME);

        assertThat(folders).isEqualTo(new UserFolders(Path.of("/srv/dbc/data"), Path.of("/srv/dbc/cache"),
                Path.of("/srv/dbc/config")));
        assertThat(folders.demo()).isEqualTo(Path.of("/srv/dbc/data/demo"));
    }
}
