package org.dbcreator.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.junit.jupiter.api.Test;

class NodeContractTest {

    private static Version v(String text) {
        return Version.parse(text);
    }

    private static NodeContract contract(Phase phase, String lowest, String highest) {
        return new NodeContract(phase, Optional.of(v(lowest)), Optional.of(v(highest)));
    }

    @Test
    void expandedRangeShouldAllowEveryReleaseInItAndNoOther() {
        NodeContract expanded = contract(Phase.EXPANDED, "4.0.0", "4.3.0");

        assertThat(expanded.allows(v("4.0.0"))).isTrue();
        assertThat(expanded.allows(v("4.2.0"))).isTrue();
        assertThat(expanded.allows(v("4.3.0"))).isTrue();
        assertThat(expanded.allows(v("3.9.9"))).isFalse();
        assertThat(expanded.allows(v("4.4.0"))).isFalse();
        assertThat(expanded.olderThan(v("4.3.0"))).as("older nodes still run").isTrue();
        assertThat(expanded.describe()).isEqualTo("4.0.0 to 4.3.0 (EXPANDED)");
    }

    @Test
    void cleaningShouldShutOlderReleasesOut() {
        NodeContract cleaning = contract(Phase.CLEANING, "4.3.0", "4.3.0");

        assertThat(cleaning.allows(v("4.0.0"))).isFalse();
        assertThat(cleaning.allows(v("4.3.0"))).isTrue();
        assertThat(cleaning.olderThan(v("4.3.0"))).isFalse();
    }

    @Test
    void aDeployThatHasNotFinishedShouldAllowNoRelease() {
        NodeContract deploying = new NodeContract(Phase.DEPLOYING, Optional.empty(), Optional.empty());

        assertThat(deploying.allows(v("4.0.0"))).isFalse();
        assertThat(deploying.olderThan(v("4.0.0"))).isFalse();
    }
}
