package org.dbcreator.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.report.HtmlReport;
import org.dbcreator.report.JsonReport;
import org.dbcreator.report.ReportFile;
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
        ReportFile.requireWritable(file, force); // before connecting: a bad --to costs the operator no login
        try (DbCreator engine = connection.connect(context, ProgressListener.NONE)) {
            SupportReport report = engine.report(Optional.ofNullable(version).map(Versions::parse));
            Path target = ReportFile.write(file, HtmlReport.render(report), force);
            if (output.json) {
                context.out().print(JsonReport.render(report) + "\n");
            } else {
                context.out().println("Report written to " + target + (report.gaps().isEmpty() ? ""
                        : " (" + report.gaps().size() + " fact(s) not readable with this account: see the report)."));
            }
        }
        return 0;
    }
}
