package org.dbcreator.demo;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/** Virtual machines: over a fifth destroyed (with {@code removed} set); only running ones have a host. */
final class VmRows implements SampleRows {

    private static final Weighted<String> STATE = Weighted.of("Running", 55, "Stopped", 18, "Destroyed", 21,
            "Expunging", 2, "Error", 2, "Starting", 1, "Stopping", 1);
    private static final Weighted<Integer> CPU = Weighted.of(1, 25, 2, 35, 4, 25, 8, 10, 16, 5);
    private static final Weighted<Integer> RAM_PER_CPU = Weighted.of(1_024, 30, 2_048, 50, 4_096, 20);

    private final SampleWorld world;

    VmRows(SampleWorld world) {
        this.world = world;
    }

    @Override
    public Object[] row(long id, SplittableRandom random) {
        String uuid = SampleWorld.uuid(random).toString();
        String displayName = random.nextInt(10) == 0 ? null : SampleText.serverName(random);
        String state = STATE.pick(random);
        boolean onHost = state.equals("Running") || state.equals("Starting") || state.equals("Stopping");
        int cpu = CPU.pick(random);
        long ramMb = (long) cpu * RAM_PER_CPU.pick(random);
        LocalDateTime created = world.timeAt(world.vmFraction(id));
        boolean gone = state.equals("Destroyed") || state.equals("Expunging");
        LocalDateTime removed = gone ? SampleRows.laterThan(created, random) : null;
        return new Object[] {id, uuid, world.vmName(id), displayName, world.vmAccount(id), world.vmDataCenter(id),
            onHost ? world.vmHost(id) : null, state, cpu, ramMb, created, removed};
    }
}
