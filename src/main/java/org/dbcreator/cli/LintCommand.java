package org.dbcreator.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.lint.CatalogLint;
import org.dbcreator.catalog.lint.LintReport;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "lint", description = {
        "Check the catalog's scripts for expand safety, without a server: an expand must keep nodes of older",
        "releases working (no drops, renames, type changes, NOT NULL without DEFAULT, new keys...), no script may",
        "copy a large table or leave the product's database (USE, CREATE/DROP DATABASE, other databases' names), and",
        "MariaDB-only syntax is flagged. Errors exit 55; warnings alone exit 0."})
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Option(names = "--catalog", paramLabel = "DIR", description = "Read the catalog from this folder instead of the bundled one.")
    Path catalogDirectory;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        PrintStream out = main.context().out();
        Catalog catalog = catalogDirectory == null ? Catalog.bundled() : Catalog.fromDirectoryForLint(catalogDirectory);
        LintReport report = CatalogLint.check(catalog);
        out.print(output.json ? LintRendering.json(report, catalog.product()) + "\n"
                : LintRendering.text(report, catalog.product()));
        if (report.hasErrors() && output.json) {
            return ErrorCode.EXPAND_UNSAFE.exitCode(); // the report says it all: one JSON document on standard output
        }
        if (report.hasErrors()) {
            throw new DbCreatorException(ErrorCode.EXPAND_UNSAFE, "The catalog of " + catalog.product() + " has "
                    + report.errors().size() + " expand-safety error" + (report.errors().size() == 1 ? "" : "s")
                    + " (listed above).");
        }
        return 0;
    }
}
