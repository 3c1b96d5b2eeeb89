package org.dbcreator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.history.NodeContract;
import org.dbcreator.history.Phase;
import org.junit.jupiter.api.Test;

/** Which forms a node writes: its own release's, plus the old ones while older nodes may run. */
class DemoCloudReleaseTest {

    private static DemoCloudRelease node(String release, Phase phase, String lowest, String highest) {
        return new DemoCloudRelease(Version.parse(release),
                new NodeContract(phase, Optional.of(Version.parse(lowest)), Optional.of(Version.parse(highest))));
    }

    @Test
    void oldNodeShouldWriteOnlyWhatItsReleaseKnows() {
        DemoCloudRelease old = node("4.0.0", Phase.EXPANDED, "4.0.0", "4.3.0");

        assertThat(old.knowsHostUuid()).isFalse();
        assertThat(old.writesLevel()).isTrue();
        assertThat(old.writesSeverity()).isFalse();
        assertThat(old.writesHostCapacityColumns()).isTrue();
        assertThat(old.writesCapacityTable()).isFalse();
        assertThat(old.knowsDomains()).isFalse();
    }

    @Test
    void newNodeShouldWriteBothFormsWhileOlderNodesMayRun() {
        DemoCloudRelease mixed = node("4.3.0", Phase.EXPANDED, "4.0.0", "4.3.0");

        assertThat(mixed.writesLevel()).isTrue();
        assertThat(mixed.writesSeverity()).isTrue();
        assertThat(mixed.writesHostCapacityColumns()).isTrue();
        assertThat(mixed.writesCapacityTable()).isTrue();
    }

    @Test
    void newNodeShouldWriteOnlyTheNewFormOnceTheRangeHoldsNoOlderRelease() {
        DemoCloudRelease cleaning = node("4.3.0", Phase.CLEANING, "4.3.0", "4.3.0");
        DemoCloudRelease afterSeverity = node("4.3.0", Phase.EXPANDED, "4.2.0", "4.3.0");

        assertThat(cleaning.writesLevel()).isFalse();
        assertThat(cleaning.writesHostCapacityColumns()).isFalse();
        assertThat(afterSeverity.writesLevel()).as("4.2.0 nodes read severity").isFalse();
        assertThat(afterSeverity.writesHostCapacityColumns()).as("4.2.0 nodes read host.cpu_cores").isTrue();
    }
}
