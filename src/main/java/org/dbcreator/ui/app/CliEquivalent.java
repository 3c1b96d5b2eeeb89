package org.dbcreator.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dbcreator.db.TlsMode;
import org.dbcreator.ui.service.ConnectedDatabase;

/**
 * The {@code dbcreator} command that does what the primary button does, so that every wizard
 * action can be repeated in a script. It names where the password comes from, never the password.
 */
public final class CliEquivalent {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CliEquivalent() {}

    /** {@code verb} with the options that reach the database: the profile, or every setting given. */
    public static String of(String verb, ConnectionFields connection, String... more) {
        List<String> words = new ArrayList<>(List.of("dbcreator", verb));
        if (connection.profile() != null) {
            words.add("--profile");
            words.add(connection.profile());
        } else {
            words.addAll(List.of("--host", connection.host(), "--port", String.valueOf(connection.port()), "--database",
                    connection.database(), "--user", connection.user()));
            if (connection.tlsMode() != TlsMode.PREFERRED) {
                words.addAll(List.of("--tls-mode", connection.tlsMode().name()));
            }
            if (connection.caFile() != null) {
                words.addAll(List.of("--tls-ca", connection.caFile()));
            }
            words.add("--password-prompt");
        }
        words.addAll(List.of(more));
        return String.join(" ", words.stream().map(CliEquivalent::quoted).toList());
    }

    public static String of(String verb, ConnectedDatabase db, String... more) {
        return of(verb, new ConnectionFields(db.profile().orElse(null), db.host(), db.port(), db.database(), db.user(),
                db.tlsMode(), db.caFile().orElse(null)), more);
    }

    /** A word as a POSIX shell reads it back unchanged. */
    public static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The connection as the command line takes it; {@code profile} and {@code caFile} may be null. */
    public record ConnectionFields(String profile, String host, int port, String database, String user, TlsMode tlsMode,
            String caFile) {}
}
