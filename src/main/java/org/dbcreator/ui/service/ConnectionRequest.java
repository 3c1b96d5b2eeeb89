package org.dbcreator.ui.service;

import java.nio.file.Path;
import java.util.Optional;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;

/**
 * The Connect page's fields. An empty password falls back to where the chosen profile says the
 * password is kept (password-file, password-env), as the command line does; nothing is stored.
 */
public record ConnectionRequest(String host, int port, String database, String user, Secret password,
        TlsMode tlsMode, Optional<Path> caFile, Optional<RecentConnection> profile) {}
