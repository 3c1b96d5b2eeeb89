package org.dbcreator.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * When sample rows were written: two years that end on a fixed date (so that a seed always gives
 * the same rows), busier in working hours than at night, on weekdays than at weekends, and busier
 * as the cloud grows. Maps a fraction of a table's rows to a time, monotonically, so that ids
 * ascend with time as in a real append-only table.
 */
final class SampleClock {

    static final LocalDateTime START = LocalDateTime.of(2023, 11, 1, 0, 0);
    static final LocalDateTime END = LocalDateTime.of(2025, 11, 1, 0, 0);
    private static final int HOURS = (int) Duration.between(START, END).toHours();
    static final SampleClock INSTANCE = new SampleClock(); // after HOURS, which it needs

    private final double[] weight = new double[HOURS];
    private final double[] before = new double[HOURS + 1];

    private SampleClock() {
        for (int h = 0; h < HOURS; h++) {
            LocalDateTime at = START.plusHours(h);
            double growth = 0.4 + 0.6 * h / HOURS;
            double daily = 0.25 + Math.exp(-Math.pow(at.getHour() - 14, 2) / 32.0); // peak mid-afternoon
            boolean weekend = at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
            weight[h] = growth * daily * (weekend ? 0.5 : 1.0);
            before[h + 1] = before[h] + weight[h];
        }
    }

    /** The time at {@code fraction} (0 inclusive to 1 exclusive) of all activity, to the second. */
    LocalDateTime at(double fraction) {
        double target = Math.max(0, Math.min(fraction, 1)) * before[HOURS];
        int found = Arrays.binarySearch(before, target);
        int hour = Math.min(HOURS - 1, found >= 0 ? found : -found - 2);
        double withinHour = (target - before[hour]) / weight[hour];
        return START.plusSeconds(hour * 3600L + (long) Math.min(3599, withinHour * 3600));
    }
}
