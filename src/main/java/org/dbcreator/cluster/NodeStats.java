package org.dbcreator.cluster;

import java.util.List;
import java.util.Map;

/**
 * What a demo node saw over some time: its units of work, the writes the server acknowledged,
 * every failed statement (retries included) and the latency of each unit of work, measured from
 * when it was due, so that a stall also counts against the work queued behind it.
 *
 * @param errorsByKind failed statements per SQLState and error code (or per kind of wrong result)
 * @param lastErrors the most recent error messages, oldest first
 */
public record NodeStats(
        double seconds,
        long transactions,
        long acknowledgedWrites,
        long errors,
        Map<String, Long> errorsByKind,
        List<String> lastErrors,
        double p50Millis,
        double p99Millis,
        double maxMillis) {}
