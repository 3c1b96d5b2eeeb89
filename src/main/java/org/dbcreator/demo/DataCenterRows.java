package org.dbcreator.demo;

import java.util.SplittableRandom;

/** A few data centers (zones), all opened in the sample's first weeks. */
final class DataCenterRows implements SampleRows {

    private final SampleWorld world;

    DataCenterRows(SampleWorld world) {
        this.world = world;
    }

    @Override
    public Object[] row(long id, SplittableRandom random) {
        String name = SampleText.DATA_CENTERS.get((int) ((id - 1) % SampleText.DATA_CENTERS.size()));
        String description = id == 2 ? null : "Zone " + name + ", " + (2 + random.nextInt(6)) + " pods";
        boolean basic = id == world.shape().dataCenters() && id > 2; // one small zone without advanced networking
        return new Object[] {id, SampleWorld.uuid(random).toString(), name, description, basic ? "Basic" : "Advanced",
            world.timeAt(0.01 * (id - 1)), null};
    }
}
