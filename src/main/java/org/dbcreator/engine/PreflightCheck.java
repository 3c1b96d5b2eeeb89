package org.dbcreator.engine;

import java.util.List;
import java.util.Optional;
import org.dbcreator.error.ErrorCode;

/**
 * One pre-flight check, as the wizard's status page and the command line show it: which check
 * (a stable id), its verdict, the evidence it rests on, and the fix (any one of the actions helps)
 * for anything but green. A red check refuses to start the operation.
 *
 * @param failure the error an operation raises when this check is red
 */
public record PreflightCheck(Id id, Verdict verdict, String evidence, List<NextAction> fix, Optional<ErrorCode> failure) {

    /** The checks there are; stable, so front ends and scripts can key on them. */
    public enum Id {
        SERVER("Server"),
        PRIVILEGES("Privileges"),
        CATALOG_CHECKSUMS("Catalog checksums"),
        EXPAND_SAFETY("Expand safety"),
        DATABASE_STATE("Database state"),
        BACKUP("Backup"),
        RESTORE_TEST("Restore test"),
        RESTORE_TARGET("Restore target"),
        NODES("Nodes"),
        OPERATOR_LOCK("Operator lock"),
        LONG_TRANSACTIONS("Long transactions");

        private final String title;

        Id(String title) {
            this.title = title;
        }

        /** e.g. "Catalog checksums". */
        public String title() {
            return title;
        }
    }

    public enum Verdict {
        GREEN,
        AMBER,
        RED
    }

    public PreflightCheck {
        fix = List.copyOf(fix);
    }

    public boolean isRed() {
        return verdict == Verdict.RED;
    }

    static PreflightCheck green(Id id, String evidence) {
        return new PreflightCheck(id, Verdict.GREEN, evidence, List.of(), Optional.empty());
    }

    static PreflightCheck amber(Id id, String evidence, NextAction... fix) {
        return new PreflightCheck(id, Verdict.AMBER, evidence, List.of(fix), Optional.empty());
    }

    static PreflightCheck red(Id id, String evidence, ErrorCode failure, NextAction... fix) {
        return new PreflightCheck(id, Verdict.RED, evidence, List.of(fix), Optional.of(failure));
    }
}
