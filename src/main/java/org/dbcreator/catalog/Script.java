package org.dbcreator.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A resolved script: found in the catalog, read, checksummed. Its statements are split on first
 * use so that a status check never pays for parsing.
 *
 * @param path the path inside the catalog, e.g. {@code 4.1.0/expand.sql}; the history key
 * @param location where it was read from, for messages (a file path or a jar entry)
 * @param database the product's own database name (the manifest's {@code database:}), which a
 *     {@code USE} may name
 */
public record Script(String path, String location, ScriptKind kind, Version version, String content,
        String database) {

    /** SHA-256 of the content with line endings normalized, so a CRLF checkout is not an edit. */
    public String checksum() {
        return checksumOf(content);
    }

    public List<SqlStatement> statements() {
        return StatementSplitter.split(content, path);
    }

    /**
     * True for {@code USE <the product's database>} standing alone: a no-op to skip, never to send,
     * since under another database name it would switch to the product's default database. The
     * catalog refuses every other USE when it loads.
     */
    public boolean isUseOfOwnDatabase(SqlStatement statement) {
        return new DatabaseScope(database).isUseOfOwnDatabase(statement);
    }

    public static String checksumOf(String content) {
        String normalized = content.replace("\r\n", "\n");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
