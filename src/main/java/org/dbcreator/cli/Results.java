package org.dbcreator.cli;

import java.io.PrintStream;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.ErrorCode;

/** The one line that ends a deploy, an upgrade or a cleanup, for people and for grep. */
final class Results {

    private Results() {}

    /**
     * A dry run exits as the real run would be refused: with the first red check's code, after
     * saying so under the plan, so that a script can trust the exit status of a rehearsal.
     */
    static int dryRunExit(UpgradeResult r, PrintStream err) {
        return dryRunExit(r.checks(), err);
    }

    /** 0 when the operation would start, else the first red check's exit code, with its reason on {@code err}. */
    static int dryRunExit(PreflightReport checks, PrintStream err) {
        return checks.checks().stream().filter(PreflightCheck::isRed).findFirst()
                .map(red -> {
                    ErrorCode code = red.failure().orElse(ErrorCode.INTERNAL);
                    err.println("error " + code.name() + ": the " + checks.operation().word() + " would be refused: "
                            + red.id().title() + ": " + Printable.line(red.evidence()));
                    return code.exitCode();
                })
                .orElse(0);
    }

    static String line(DeployResult r) {
        return String.format("%s: %s at %s (%d applied, %d already done) in %.1f s%n", r.outcome(), r.database(),
                r.version(), r.applied(), r.skipped(), r.duration().toMillis() / 1000.0);
    }

    static String line(UpgradeResult r) {
        return String.format("%s: %s %s %s -> %s (%d applied, %d already done) in %.1f s%n", r.outcome(), r.operation().word(),
                r.database(), r.from(), r.to(), r.applied(), r.skipped(), r.duration().toMillis() / 1000.0);
    }
}
