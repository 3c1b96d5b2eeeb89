package org.dbcreator.catalog;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A release/schema version such as 4.1.0, compared numerically part by part. */
public final class Version implements Comparable<Version> {

    private static final Pattern FORMAT = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,3}");

    private final int[] parts;

    private Version(int[] parts) {
        this.parts = parts;
    }

    /** Parses "4.1.0"; throws IllegalArgumentException for anything else. */
    public static Version parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!FORMAT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a version: use numbers separated by dots, e.g. 4.1.0");
        }
        return new Version(Arrays.stream(trimmed.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    @Override
    public int compareTo(Version other) {
        int length = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < length; i++) {
            int mine = i < parts.length ? parts[i] : 0;
            int theirs = i < other.parts.length ? other.parts[i] : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    public boolean isNewerThan(Version other) {
        return compareTo(other) > 0;
    }

    public boolean isOlderThan(Version other) {
        return compareTo(other) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.length; // 4.1 equals 4.1.0, so trailing zeros must not count
        while (end > 1 && parts[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, end));
    }

    @Override
    public String toString() {
        return Arrays.stream(parts).mapToObj(Integer::toString).collect(Collectors.joining("."));
    }
}
