package org.dbcreator.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/** Ways a good backup gets damaged, for the tests that prove verify and restore notice. */
final class DamagedBackups {

    private static final int GZIP_HEADER = 10;
    private static final int GZIP_TRAILER = 8;

    private DamagedBackups() {}

    /** The gzip members of a file written by DatabaseCreator (fixed 10-byte headers), each whole. */
    static List<byte[]> members(byte[] file) throws DataFormatException {
        List<byte[]> members = new ArrayList<>();
        int at = 0;
        byte[] sink = new byte[1 << 16];
        while (at < file.length) {
            Inflater inflater = new Inflater(true);
            inflater.setInput(file, at + GZIP_HEADER, file.length - at - GZIP_HEADER);
            while (!inflater.finished()) {
                inflater.inflate(sink);
            }
            int end = file.length - inflater.getRemaining() + GZIP_TRAILER;
            inflater.end();
            members.add(Arrays.copyOfRange(file, at, end));
            at = end;
        }
        return members;
    }

    /** The index of the first member whose text starts with {@code prefix}. */
    static int firstMemberStartingWith(Path dump, String prefix) throws IOException, DataFormatException {
        List<byte[]> members = members(Files.readAllBytes(dump));
        for (int i = 0; i < members.size(); i++) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(members.get(i)))) {
                if (new String(in.readNBytes(prefix.length()), StandardCharsets.ISO_8859_1).equals(prefix)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no member starts with " + prefix);
    }

    /** Writes the file without its member at {@code index}: still a valid gzip stream, with a part of the dump gone. */
    static void dropMember(Path dump, int index) throws IOException, DataFormatException {
        List<byte[]> members = members(Files.readAllBytes(dump));
        members.remove(index);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : members) {
            out.write(m);
        }
        Files.write(dump, out.toByteArray());
    }

    /** Rewrites the dump's text (one char per byte) and the manifest's size and SHA-256 to match, as a writer would. */
    static void rewrite(BackupFiles files, UnaryOperator<String> text) throws IOException {
        String sql;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(files.dump()))) {
            sql = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(files.dump()))) {
            out.write(text.apply(sql).getBytes(StandardCharsets.ISO_8859_1));
        }
        editManifest(files, root -> ((ObjectNode) root.get("file")).put("bytes", size(files.dump())).put("sha256", sha256(files.dump())));
    }

    /** The dump as DatabaseCreator wrote it before dumps stated their identity and per-table rows. */
    static void makeOldFormat(BackupFiles files) throws IOException {
        rewrite(files, sql -> String.join("", sql.lines().filter(l -> !l.startsWith("-- " + DumpFacts.IDENTITY)
                && !l.startsWith("-- " + DumpFacts.ROWS)).map(l -> l + "\n").toList()));
    }

    /** Changes the manifest's JSON as someone with a text editor would. */
    static void editManifest(BackupFiles files, Consumer<JsonNode> edit) throws IOException {
        JsonNode root = ManifestJson.parse(Files.readString(files.manifest()));
        edit.accept(root);
        Files.writeString(files.manifest(), ManifestJson.compact(root));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return BackupCheck.sha256(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
