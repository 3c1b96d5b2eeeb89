package org.dbcreator.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where a backup came from, in one sentence for the operator before a restore: the database, the
 * product release and phase, when and from which server, as the manifest (proved to agree with
 * the dump) or else the dump itself states them.
 */
final class BackupOrigin {

    private BackupOrigin() {}

    static String describe(BackupCheck.Result check) {
        if (check.manifest().isPresent()) {
            BackupManifest m = check.manifest().get();
            return sentence(m.database(), m.product(), m.schemaVersion(), m.phase(), Optional.of(m.startedAt().toString()),
                    Optional.of(m.server()));
        }
        Optional<DumpScan.Result> scan = check.scan();
        Optional<JsonNode> identity = scan.flatMap(s -> s.stated().identity()).map(JsonNode.class::cast);
        if (check.kind() == DumpInput.Kind.DBCREATOR && identity.isPresent()) {
            JsonNode i = identity.get();
            return sentence(i.path("database").asText("?"), text(i, "product"), text(i, "schemaVersion"), text(i, "phase"),
                    text(i, "startedAt"), text(i, "server"));
        }
        Optional<String> product = scan.flatMap(DumpScan.Result::product);
        return product.map(p -> "The dump holds " + p + " " + scan.flatMap(DumpScan.Result::schemaVersion).orElse("(no release)")
                + ", as its dbcreator_state row says.")
                .orElse("The dump holds no dbcreator_state row: a database DatabaseCreator does not manage.");
    }

    private static String sentence(String database, Optional<String> product, Optional<String> version, Optional<String> phase,
            Optional<String> taken, Optional<String> server) {
        return "The backup is of database '" + database + "'"
                + product.map(p -> ", " + p + " " + version.orElse("(deploying)") + phase.map(ph -> " (" + ph + ")").orElse(""))
                        .orElse(", not managed by DatabaseCreator")
                + taken.map(t -> ", taken " + t).orElse("") + server.map(s -> " from " + s).orElse("") + ".";
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }
}
