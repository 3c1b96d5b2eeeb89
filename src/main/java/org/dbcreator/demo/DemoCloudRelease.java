package org.dbcreator.demo;

import org.dbcreator.catalog.Version;
import org.dbcreator.history.NodeContract;

/**
 * What a DemoCloud node of one release knows of the schema, and which old forms it still writes
 * for the older nodes in the compatible range (DESIGN.md: "a newer release writes both old and
 * new columns while older releases are in the range").
 */
record DemoCloudRelease(Version release, NodeContract contract) {

    /** host.uuid */
    static final Version HOST_UUID = Version.parse("4.1.0");
    /** event.severity replaces event.level; event_view and account_usage */
    static final Version SEVERITY = Version.parse("4.2.0");
    /** host_capacity replaces host.cpu_cores and host.ram_mb; accounts belong to domains */
    static final Version CAPACITY_AND_DOMAINS = Version.parse("4.3.0");

    boolean knowsHostUuid() {
        return knows(HOST_UUID);
    }

    boolean writesSeverity() {
        return knows(SEVERITY);
    }

    /** Old nodes read level: it is written until no release before severity may run. */
    boolean writesLevel() {
        return !knows(SEVERITY) || contract.olderThan(SEVERITY);
    }

    boolean writesCapacityTable() {
        return knows(CAPACITY_AND_DOMAINS);
    }

    /** Old nodes read host.cpu_cores and host.ram_mb: written until no release before host_capacity may run. */
    boolean writesHostCapacityColumns() {
        return !knows(CAPACITY_AND_DOMAINS) || contract.olderThan(CAPACITY_AND_DOMAINS);
    }

    boolean knowsDomains() {
        return knows(CAPACITY_AND_DOMAINS);
    }

    private boolean knows(Version feature) {
        return !release.isOlderThan(feature);
    }
}
