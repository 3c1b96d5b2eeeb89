package org.dbcreator.history;

import java.time.Instant;

/**
 * One row of the audit: a decision an operator took that overrides a safety check.
 *
 * @param at when it was recorded (the server's clock)
 * @param operator who took it
 * @param action what kind of decision, e.g. {@code ACCEPT_DATA_LOSS}
 * @param detail the sentence recorded with it
 */
public record AuditEntry(Instant at, String operator, String action, String detail) {

    /** How a decision names the run it belongs to in its detail: the audit has no column for it. */
    public static String runMarker(String runId) {
        return "(run " + runId + ")";
    }
}
