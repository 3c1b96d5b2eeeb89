package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How a running operation's numbers read on a page: time left, elapsed time, rates and sizes.
 * Pure; the pages of Backup, Expand and Cleanup share it.
 */
public final class ProgressText {

    private ProgressText() {}

    /**
     * The time left at the rate so far: {@code elapsed} for {@code done} units, {@code total - done}
     * to go. Empty until there is a rate to judge by (nothing done yet, or no time passed).
     */
    public static Optional<Duration> timeLeft(long done, long total, Duration elapsed) {
        if (done <= 0 || total <= 0 || elapsed.isZero() || elapsed.isNegative()) {
            return Optional.empty();
        }
        long left = Math.max(0, total - done);
        return Optional.of(Duration.ofNanos((long) ((double) elapsed.toNanos() * left / done)));
    }

    /** Units per second; 0 when no time passed. */
    public static double rate(long done, Duration elapsed) {
        return elapsed.toNanos() <= 0 ? 0 : done * 1e9 / elapsed.toNanos();
    }

    /** "less than 1 s left", "12 s left", "about 3 min left", "about 2 h 5 min left". */
    public static String left(Duration d) {
        long s = (long) Math.ceil(Math.max(0, d.toMillis()) / 1000.0);
        if (s < 1) {
            return Messages.get("progress.left.none");
        }
        if (s < 60) {
            return Messages.get("progress.left.seconds", s);
        }
        if (s < 3600) {
            return Messages.get("progress.left.minutes", Math.round(s / 60.0));
        }
        return Messages.get("progress.left.hours", s / 3600, (s % 3600) / 60);
    }

    /** Elapsed time as a clock reads: "0:07", "12:45", "1:02:03". */
    public static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    /** "850 rows/s", "12,400 rows/s", "1.2 M rows/s"; under 10 a second with one decimal. */
    public static String rowsPerSecond(double rate) {
        if (rate >= 1_000_000) {
            return String.format(Locale.ENGLISH, "%.1f M rows/s", rate / 1_000_000);
        }
        if (rate < 10) {
            return String.format(Locale.ENGLISH, "%.1f rows/s", rate);
        }
        return String.format(Locale.ENGLISH, "%,d rows/s", Math.round(rate));
    }

    /** A count with thousands separators: "12,345". */
    public static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** "512 B", "3.4 KB", "12.0 MB", "1.5 GB" (powers of 1024). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ENGLISH, "%.1f %s", v, units[unit]);
    }
}
