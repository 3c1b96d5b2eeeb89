package org.dbcreator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesShouldBeWithinTwoPercentAndTheMaximumExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(i * MS); // 1 ms .. 1000 ms
        }
        h.record(1_733 * MS + 5);

        assertThat(h.count()).isEqualTo(1001);
        assertThat(h.percentileNanos(0.50) / (double) MS).isCloseTo(501, within(501 * 0.02));
        assertThat(h.percentileNanos(0.99) / (double) MS).isCloseTo(991, within(991 * 0.02));
        assertThat(h.maxNanos()).isEqualTo(1_733 * MS + 5);
        assertThat(h.percentileNanos(1.0)).isEqualTo(h.maxNanos());
    }

    @Test
    void emptyAndExtremeSamplesShouldNotBreakIt() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentileNanos(0.99)).isZero();

        h.record(0);
        h.record(Long.MAX_VALUE / 2); // beyond the last bucket: counted there, the maximum stays exact

        assertThat(h.percentileNanos(0.5)).isLessThanOrEqualTo(10_000);
        assertThat(h.percentileNanos(1.0)).isEqualTo(Long.MAX_VALUE / 2);
    }
}
