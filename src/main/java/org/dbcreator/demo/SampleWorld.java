package org.dbcreator.demo;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The facts that tie the sample's tables together, each a pure function of the seed and an id:
 * which account owns a VM, which host runs it, where a host stands, when each was created. Any
 * batch can ask for them without the batch that wrote the row, so batches stay independent.
 */
final class SampleWorld {

    /** Accounts sign up during the first 95% of the period, hosts arrive during the first 80%. */
    private static final double ACCOUNTS_UNTIL = 0.95;
    private static final double HOSTS_UNTIL = 0.80;

    private final long seed;
    private final SampleShape shape;
    private final SampleClock clock = SampleClock.INSTANCE;

    SampleWorld(long seed, SampleShape shape) {
        this.seed = seed;
        this.shape = shape;
    }

    long seed() {
        return seed;
    }

    SampleShape shape() {
        return shape;
    }

    /** The random numbers of one batch, from the seed and the batch number alone. */
    SplittableRandom randomOfBatch(int batch) {
        return new SplittableRandom(mix(mix(seed) + batch));
    }

    double accountFraction(long accountId) {
        return accountId == 1 ? 0 : ACCOUNTS_UNTIL * (accountId - 1.5) / shape.accounts();
    }

    double hostFraction(long hostId) {
        return HOSTS_UNTIL * (hostId - 1) / shape.hosts();
    }

    double vmFraction(long vmId) {
        return (vmId - 0.5) / shape.vms();
    }

    /**
     * An account active at {@code fraction} of the period, skewed towards the oldest: a few busy
     * accounts (the first 1% get about a fifth of all activity) and a long tail.
     */
    long busyAccount(double uniform, double fraction) {
        long signedUp = Math.min(shape.accounts(), 1 + (long) (fraction / ACCOUNTS_UNTIL * shape.accounts()));
        return 1 + (long) (signedUp * uniform * uniform * uniform);
    }

    long vmAccount(long vmId) {
        return busyAccount(unit(1, vmId), vmFraction(vmId));
    }

    /** The host a VM runs on (when it runs), among the hosts that existed when it was created. */
    long vmHost(long vmId) {
        long installed = Math.min(shape.hosts(), 1 + (long) (vmFraction(vmId) / HOSTS_UNTIL * shape.hosts()));
        return 1 + (long) (installed * unit(2, vmId));
    }

    long vmDataCenter(long vmId) {
        return hostDataCenter(vmHost(vmId));
    }

    /** Data centers differ in size: the first ones hold most hosts. */
    long hostDataCenter(long hostId) {
        return 1 + (long) (shape.dataCenters() * Math.pow(unit(3, hostId), 1.6));
    }

    String vmName(long vmId) {
        return "i-" + vmAccount(vmId) + "-" + vmId + "-VM";
    }

    /** A VM that existed at {@code fraction} of the period. */
    long vmAt(double uniform, double fraction) {
        long created = Math.max(1, Math.min(shape.vms(), (long) (fraction * shape.vms())));
        return 1 + (long) (created * uniform);
    }

    LocalDateTime timeAt(double fraction) {
        return clock.at(fraction);
    }

    static UUID uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low);
    }

    /** A uniform number in [0, 1) that depends only on the seed, a fact's salt and an id. */
    private double unit(long salt, long id) {
        return (mix(mix(seed ^ salt * 0x9E3779B97F4A7C15L) + id) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer: spreads nearby inputs over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
