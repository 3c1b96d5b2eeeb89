package org.dbcreator.cli;

import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PlanPreview;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.UpgradeResult;

/** A dry run as the operator reads it: the checks, then every script and statement in order. */
final class PlanRendering {

    private PlanRendering() {}

    static String text(UpgradeResult result) {
        return text(result, NextSteps.none());
    }

    static String text(UpgradeResult result, NextSteps steps) {
        return text(String.format("Dry run of the %s %s -> %s on '%s'. Nothing was written.%n", result.operation().word(),
                result.from(), result.to(), result.database()), result.checks(), result.preview().orElseThrow(),
                steps.forDatabase(result.database())) + droppedData(result);
    }

    /** For a rollback: what it drops of the data only the newer release wrote, and whether that stops it. */
    static String droppedData(UpgradeResult result) {
        if (result.operation() != OperationKind.ROLLBACK || result.droppedData().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nTables and columns the rollback drops that the expand created:\n");
        result.droppedData().forEach(d -> out.append(d.losesRows() ? "  LOST  " : "  kept  ").append(d.describe())
                .append('\n'));
        out.append(result.dataLost().isEmpty() ? "Nothing only the newer release wrote is lost.\n"
                : result.lossAccepted().map(a -> "The rows marked LOST hold data only the newer release wrote: the"
                        + " rollback drops them. Their loss was accepted by " + Printable.line(a.operator()) + " at "
                        + a.at() + " for this interrupted rollback, which resumes without asking again.\n")
                .orElse("The rows marked LOST hold data only the newer release wrote: the rollback drops them. It runs"
                        + " only with --accept-data-loss, once you have read this list and saved what must be kept.\n"));
        return out.toString();
    }

    static String text(DeployResult result) {
        return text(String.format("Dry run of the deploy of %s into '%s'. Nothing was created or written.%n",
                result.version(), result.database()), result.checks().orElseThrow(), result.preview().orElseThrow(),
                NextSteps.none());
    }

    private static String text(String heading, PreflightReport checks, PlanPreview preview, NextSteps steps) {
        StringBuilder out = new StringBuilder(heading);
        out.append(checks(checks, steps));
        if (preview.items().isEmpty()) {
            out.append("Nothing to apply.\n");
        }
        int number = 1;
        for (PlanPreview.Item item : preview.items()) {
            out.append(String.format("%n[%d/%d] %s %s (%s)%s%n", number++, preview.items().size(),
                    item.kind().toLowerCase(), item.name(), item.version(), item.applied() ? ": already applied" : ""));
            if (item.statements().isEmpty() && !item.applied()) {
                out.append("      ").append(item.location()).append(", in batches\n");
            }
            for (PlanPreview.Statement statement : item.statements()) {
                out.append(String.format("  -- line %d%s%n", statement.line(), statement.done() ? " (done before)" : ""));
                statement.sql().lines().forEach(line -> out.append("  ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    static String checks(PreflightReport report, NextSteps steps) {
        StringBuilder out = new StringBuilder("Checks before the " + report.operation().word() + ":\n");
        report.checks().forEach(check -> out.append(StatusRendering.checkLine(check, steps)));
        return out.toString();
    }
}
