package org.dbcreator.ui.service;

import java.nio.file.Path;
import org.dbcreator.db.ConnectionProfile;

/**
 * A connection profile the command line also reads.
 *
 * @param name what {@code --profile} takes: the profile's name, or its file for one outside the profile folder
 */
public record RecentConnection(String name, Path file, ConnectionProfile profile) {

    /** "user@host:port/database" with the defaults for what the profile leaves out; never a password. */
    public String describe(String defaultDatabase) {
        return profile.user().orElse("root") + "@" + profile.host().orElse("127.0.0.1") + ":"
                + profile.port().orElse(3306) + "/" + profile.database().orElse(defaultDatabase);
    }
}
