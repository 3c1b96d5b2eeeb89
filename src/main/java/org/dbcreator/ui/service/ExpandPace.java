package org.dbcreator.ui.service;

/**
 * "Give the nodes room": how long a data migration rests after each batch, as a multiple of the
 * time the batch took (the engine's rest ratio). The nodes' queries run in the rests.
 */
public enum ExpandPace {
    /** A quarter of the batch's time: quickest, for quiet hours. */
    FAST(0.25),
    /** As long as the batch took: the nodes get half of the server. The engine's default for an expand. */
    BALANCED(1),
    /** Three times the batch's time: slowest, the nodes hardly notice. */
    GENTLE(3);

    private final double restRatio;

    ExpandPace(double restRatio) {
        this.restRatio = restRatio;
    }

    public double restRatio() {
        return restRatio;
    }
}
