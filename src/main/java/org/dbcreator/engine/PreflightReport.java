package org.dbcreator.engine;

import java.util.List;
import java.util.stream.Collectors;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** The pre-flight checks for one operation, in the order they are shown. */
public record PreflightReport(OperationKind operation, List<PreflightCheck> checks) {

    public PreflightReport {
        checks = List.copyOf(checks);
    }

    public boolean allowsStart() {
        return checks.stream().noneMatch(PreflightCheck::isRed);
    }

    /**
     * Throws when the privileges check is red: run before the operator lock is taken, whose
     * record of its holder needs privileges too, so that every missing privilege is named at once.
     */
    void requirePrivileges() {
        new PreflightReport(operation, checks.stream().filter(c -> c.id() == PreflightCheck.Id.PRIVILEGES).toList())
                .requireNoRed();
    }

    /** Throws the first red check's error, with every red check's evidence and the first one's fix, when any is red. */
    void requireNoRed() {
        List<PreflightCheck> red = checks.stream().filter(PreflightCheck::isRed).toList();
        if (!red.isEmpty()) {
            ErrorCode code = red.get(0).failure().orElse(ErrorCode.INTERNAL);
            throw new DbCreatorException(code, "Cannot start the " + operation.word() + ": " + red.stream()
                    .map(c -> c.id().title() + ": " + c.evidence()).collect(Collectors.joining(" ")), red.get(0).fix());
        }
    }
}
