package org.dbcreator.ui.service;

import java.util.Optional;
import org.dbcreator.db.TlsMode;

/**
 * What the window is connected to, as the connection bar shows it (never the password).
 *
 * @param server e.g. "MariaDB 10.11.6"
 * @param profile the profile it came from, for the command line equivalents
 * @param environment a label that warns before a write, e.g. "demo" or "production"
 */
public record ConnectedDatabase(String host, int port, String database, String user, TlsMode tlsMode,
        Optional<String> caFile, String server, Optional<String> profile, Optional<String> environment) {}
