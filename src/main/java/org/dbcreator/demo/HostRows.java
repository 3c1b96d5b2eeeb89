package org.dbcreator.demo;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Hypervisor hosts, racked over the first part of the period. Most are managed by one of three
 * management-server nodes (ids 1 to 3, the first nodes to register); mshost itself stays empty.
 */
final class HostRows implements SampleRows {

    private static final Weighted<String> HYPERVISOR = Weighted.of("KVM", 70, "VMware", 20, "XenServer", 10);
    private static final Weighted<String> STATUS = Weighted.of("Up", 88, "Maintenance", 3, "Disconnected", 3,
            "Alert", 2, "Removed", 4);
    private static final Weighted<Integer> CORES = Weighted.of(16, 10, 24, 15, 32, 30, 48, 20, 64, 15, 96, 7, 128, 3);
    private static final Weighted<Integer> RAM_PER_CORE = Weighted.of(4_096, 40, 8_192, 45, 16_384, 15);

    private final SampleWorld world;

    HostRows(SampleWorld world) {
        this.world = world;
    }

    @Override
    public Object[] row(long id, SplittableRandom random) {
        long dataCenter = world.hostDataCenter(id);
        String hypervisor = HYPERVISOR.pick(random);
        String name = hypervisor.toLowerCase() + "-dc" + dataCenter + "-" + id;
        String ip = random.nextInt(10) == 0 ? null : "10." + dataCenter + "." + (id / 250 % 256) + "." + (id % 250 + 1);
        String status = STATUS.pick(random);
        int cores = CORES.pick(random);
        long ramMb = (long) cores * RAM_PER_CORE.pick(random);
        Long node = random.nextInt(10) == 0 ? null : (long) (1 + random.nextInt(3));
        LocalDateTime created = world.timeAt(world.hostFraction(id));
        LocalDateTime removed = status.equals("Removed") ? SampleRows.laterThan(created, random) : null;
        return new Object[] {id, name, dataCenter, ip, hypervisor, status, cores, ramMb, node, created, removed};
    }
}
