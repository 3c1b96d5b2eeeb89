package org.dbcreator.demo;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/** Accounts: the admin first, then users who sign up over time; one in twenty has left. */
final class AccountRows implements SampleRows {

    private static final Weighted<Integer> TYPE = Weighted.of(0, 92, 2, 6, 1, 2);
    private static final Weighted<String> STATE = Weighted.of("enabled", 95, "disabled", 3, "locked", 2);

    private final SampleWorld world;

    AccountRows(SampleWorld world) {
        this.world = world;
    }

    @Override
    public Object[] row(long id, SplittableRandom random) {
        String uuid = SampleWorld.uuid(random).toString();
        if (id == 1) {
            return new Object[] {id, uuid, "admin", 1, "enabled", SampleClock.START, null};
        }
        LocalDateTime created = world.timeAt(world.accountFraction(id));
        LocalDateTime removed = random.nextInt(20) == 0 ? SampleRows.laterThan(created, random) : null;
        return new Object[] {id, uuid, SampleText.accountName(random, id), TYPE.pick(random), STATE.pick(random),
            created, removed};
    }
}
