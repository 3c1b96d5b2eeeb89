package org.dbcreator.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.db.PresentedCertificate;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.db.TlsMode;

/**
 * A connection probe's answer, layer by layer (reachable, TLS, authenticated, server release,
 * database, privileges), for the wizard's connect page and {@code probe}. Immutable.
 *
 * @param target where it connected, as "user@host:port/database"
 * @param certificate what the server presented in the TLS handshake, when there was one
 * @param account the account the server signed the user in as, e.g. "admin@%"
 * @param server e.g. "MariaDB 10.11.6", when the probe got that far
 * @param operations what the account's privileges allow, when the probe got that far
 */
public record ProbeReport(String target, TlsMode tlsMode, List<ProbeLayer> layers,
        Optional<PresentedCertificate> certificate, Optional<String> account, Optional<String> server,
        List<OperationAccess> operations) {

    public enum Operation {
        STATUS,
        DEPLOY,
        UPGRADE,
        CLEANUP,
        BACKUP,
        RESTORE
    }

    /**
     * Whether the account may run one operation, judged from its grants.
     *
     * @param needed the privileges the operation needs on the product database (and, for backup and
     *     restore, on their scratch databases)
     * @param missing those of {@code needed} the account lacks, sorted
     */
    public record OperationAccess(Operation operation, boolean allowed, Set<String> needed, Set<String> missing) {

        public OperationAccess {
            needed = Set.copyOf(needed);
            missing = Set.copyOf(missing);
        }
    }

    public ProbeReport {
        layers = List.copyOf(layers);
        operations = List.copyOf(operations);
    }

    /** True when no layer failed. */
    public boolean passed() {
        return layers.stream().noneMatch(ProbeLayer::isFailed);
    }

    /** The lowest failed layer: the one to fix first. */
    public Optional<ProbeLayer> firstFailure() {
        return layers.stream().filter(ProbeLayer::isFailed).findFirst();
    }

    public Optional<ProbeLayer> layer(ProbeLayer.Layer layer) {
        return layers.stream().filter(l -> l.layer() == layer).findFirst();
    }
}
