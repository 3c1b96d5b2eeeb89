package org.dbcreator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.report.HtmlReport;
import org.dbcreator.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", description = {
        "Write a support report to attach to a ticket: one self-contained HTML file with the versions, the connection"
                + " (no password), state and range, path, checks, nodes, history, the last run's journal, the operator"
                + " lock and recent backups. Read-only: a SELECT-only account is enough; what it may not read is"
                + " named in the report.",
        "With --json the same facts are also printed as JSON on standard output."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--target", paramLabel = "VERSION", description = "Target release to plan for (default: the latest).")
    String version;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "The HTML file to write.")
    Path file;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        Path target = file.toAbsolutePath().normalize();
        refuseUnwritable(target); // before connecting: a bad --to costs the operator no login
        try (DbCreator engine = connection.connect(context, ProgressListener.NONE)) {
            SupportReport report = engine.report(Optional.ofNullable(version).map(Versions::parse));
            write(target, HtmlReport.render(report));
            if (output.json) {
                context.out().print(JsonReport.render(report) + "\n");
            } else {
                context.out().println("Report written to " + target + (report.gaps().isEmpty() ? ""
                        : " (" + report.gaps().size() + " fact(s) not readable with this account: see the report)."));
            }
        }
        return 0;
    }

    private void refuseUnwritable(Path target) {
        if (Files.exists(target) && !force) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report file " + target
                    + " exists: give another name, or --force to replace it.");
        }
        if (Files.isDirectory(target)) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report file " + target + " is a directory:"
                    + " give a file name, e.g. --to report.html.");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The folder of the report file " + target
                    + " does not exist: create it first, or give another --to.");
        }
    }

    /** Through a temporary file beside it: a reader never sees half a report, a failure leaves none. */
    private void write(Path target, String html) {
        Path scratch = null;
        try {
            scratch = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            Files.writeString(scratch, html, StandardCharsets.UTF_8);
            if (!force && Files.exists(target)) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report file " + target
                        + " appeared while the report was made: give another name, or --force to replace it.");
            }
            try {
                Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Cannot write the report file " + target + ": " + e
                    + "; give a --to the tool may write.", e);
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless
                }
            }
        }
    }
}
