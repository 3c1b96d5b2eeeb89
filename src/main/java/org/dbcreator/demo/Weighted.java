package org.dbcreator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Picks values with given weights, e.g. event levels that are mostly INFO. */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Double> upTo = new ArrayList<>();
    private double total;

    /** Pairs of value and weight: {@code Weighted.of("INFO", 88, "WARN", 7)}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valuesAndWeights) {
        Weighted<T> weighted = new Weighted<>();
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            weighted.total += ((Number) valuesAndWeights[i + 1]).doubleValue();
            weighted.values.add((T) valuesAndWeights[i]);
            weighted.upTo.add(weighted.total);
        }
        return weighted;
    }

    T pick(SplittableRandom random) {
        double point = random.nextDouble() * total;
        for (int i = 0; i < values.size() - 1; i++) {
            if (point < upTo.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
