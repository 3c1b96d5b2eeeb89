package org.dbcreator.demo;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/** Usage records for billing, each about a VM or one of its volumes; all but the last day processed. */
final class UsageEventRows implements SampleRows {

    private static final long GIB = 1L << 30;
    private static final LocalDateTime UNPROCESSED_FROM = SampleClock.END.minusDays(1);
    private static final Weighted<String> TYPE = Weighted.of("VM.CREATE", 8, "VM.START", 20, "VM.STOP", 18,
            "VM.DESTROY", 6, "VOLUME.CREATE", 10, "VOLUME.DELETE", 4, "SNAPSHOT.CREATE", 14,
            "NETWORK.OFFERING.ASSIGN", 6, "NET.IPASSIGN", 8, "TEMPLATE.CREATE", 2, "LB.CREATE", 4);

    private final SampleWorld world;

    UsageEventRows(SampleWorld world) {
        this.world = world;
    }

    @Override
    public Object[] row(long id, SplittableRandom random) {
        double fraction = (id - 1 + random.nextDouble()) / world.shape().rows();
        long vm = world.vmAt(random.nextDouble(), fraction);
        String type = TYPE.pick(random);
        Long resource;
        String resourceName;
        Long size = null;
        if (type.startsWith("VM.")) {
            resource = vm;
            resourceName = world.vmName(vm);
        } else if (type.startsWith("VOLUME.") || type.startsWith("SNAPSHOT.") || type.startsWith("TEMPLATE.")) {
            int disk = random.nextInt(3);
            resource = vm * 3 + disk;
            resourceName = (disk == 0 ? "ROOT-" : "DATA-") + vm + (disk > 1 ? "-" + disk : "");
            size = (8L << random.nextInt(8)) * GIB;
        } else {
            resource = random.nextInt(4) == 0 ? null : vm;
            resourceName = null;
        }
        if (resourceName != null && random.nextInt(12) == 0) {
            resourceName = null; // some records never carried a name
        }
        LocalDateTime created = world.timeAt(fraction);
        return new Object[] {id, type, world.vmAccount(vm), world.vmDataCenter(vm), resource, resourceName, size,
            created, created.isBefore(UNPROCESSED_FROM) ? 1 : 0};
    }
}
