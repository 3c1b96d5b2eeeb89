package org.dbcreator.cluster;

/**
 * Latencies in logarithmic buckets 2% wide from 10 microseconds up, so that an hour of samples
 * takes a few kilobytes and percentiles stay within 2%; the maximum is kept exactly.
 */
final class LatencyHistogram {

    private static final double SMALLEST_NANOS = 10_000;
    private static final double BUCKET_RATIO = 1.02;
    private static final int BUCKETS = 1_400; // 10 µs * 1.02^1400 is far beyond any wait worth measuring

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long maxNanos;

    void record(long nanos) {
        counts[bucketOf(nanos)]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long count() {
        return total;
    }

    long maxNanos() {
        return maxNanos;
    }

    /** The latency at or below which {@code fraction} of the samples lie; 0 without samples. */
    long percentileNanos(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i == BUCKETS - 1 ? maxNanos : Math.min(maxNanos, upperBoundOf(i)); // the last bucket has no bound
            }
        }
        return maxNanos;
    }

    private static int bucketOf(long nanos) {
        if (nanos <= SMALLEST_NANOS) {
            return 0;
        }
        int bucket = (int) (Math.log(nanos / SMALLEST_NANOS) / Math.log(BUCKET_RATIO)) + 1;
        return Math.min(bucket, BUCKETS - 1);
    }

    private static long upperBoundOf(int bucket) {
        return (long) (SMALLEST_NANOS * Math.pow(BUCKET_RATIO, bucket));
    }
}
