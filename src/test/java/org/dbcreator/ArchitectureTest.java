package org.dbcreator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the parts apart (DESIGN.md): the engine knows no front end, front ends know no JDBC. */
@AnalyzeClasses(packages = "org.dbcreator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // named in full: a wizard page's package (org.dbcreator.ui.backup) is not the engine's backup package
    private static final String[] CORE = {"org.dbcreator.catalog..", "org.dbcreator.db..", "org.dbcreator.history..",
        "org.dbcreator.engine..", "org.dbcreator.backup..", "org.dbcreator.cluster..", "org.dbcreator.embedded..",
        "org.dbcreator.error..", "org.dbcreator.progress.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.dbcreator.(*)..").should().beFreeOfCycles();

    /**
     * Every package and the packages it may use, as they are: a new package fails here until it is
     * placed, and a new edge until it is written down (and still points downwards).
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            // the bottom: vocabulary and connections
            .layer("error").definedBy("org.dbcreator.error..")
            .layer("progress").definedBy("org.dbcreator.progress..")
            .layer("db").definedBy("org.dbcreator.db..")
            .layer("catalog").definedBy("org.dbcreator.catalog..")
            // the tool's own tables
            .layer("history").definedBy("org.dbcreator.history..")
            // the operations and what they build on
            .layer("embedded").definedBy("org.dbcreator.embedded..")
            .layer("cluster").definedBy("org.dbcreator.cluster..")
            .layer("backup").definedBy("org.dbcreator.backup..")
            .layer("engine").definedBy("org.dbcreator.engine..")
            .layer("demo").definedBy("org.dbcreator.demo..") // the demo product's code, loaded by name from its manifest
            .layer("report").definedBy("org.dbcreator.report..") // the support report, rendered for both front ends
            // the front ends, and how the command line opens the window without knowing JavaFX
            .layer("launch").definedBy("org.dbcreator.launch..")
            .layer("cli").definedBy("org.dbcreator.cli..")
            .layer("ui").definedBy("org.dbcreator.ui..")
            .whereLayer("error").mayNotAccessAnyLayer()
            .whereLayer("progress").mayOnlyAccessLayers("error") // a cancelled operation ends with CANCELLED
            .whereLayer("launch").mayNotAccessAnyLayer()
            .whereLayer("db").mayOnlyAccessLayers("error")
            .whereLayer("catalog").mayOnlyAccessLayers("error", "db")
            .whereLayer("history").mayOnlyAccessLayers("error", "db", "catalog")
            .whereLayer("embedded").mayOnlyAccessLayers("error", "db")
            .whereLayer("cluster").mayOnlyAccessLayers("error", "db", "catalog", "history")
            .whereLayer("backup").mayOnlyAccessLayers("error", "progress", "db", "catalog", "history")
            .whereLayer("engine").mayOnlyAccessLayers("error", "progress", "db", "catalog", "history", "embedded",
                    "cluster", "backup")
            .whereLayer("demo").mayOnlyAccessLayers("error", "progress", "db", "catalog", "history", "cluster",
                    "engine")
            .whereLayer("demo").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayOnlyAccessLayers("error", "catalog", "history", "cluster", "engine")
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayNotBeAccessedByAnyLayer()
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule frontEndsKnowNoJdbc = noClasses().that()
            .resideInAnyPackage("org.dbcreator.cli..", "org.dbcreator.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule reportKnowsNoJdbc = noClasses().that().resideInAPackage("org.dbcreator.report..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..", "com.mysql..");

    @ArchTest
    static final ArchRule coreKnowsNoFrontEnd = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.dbcreator.ui..", "org.dbcreator.cli..",
                    "picocli..");

    @ArchTest
    static final ArchRule catalogKnowsNoJdbc = noClasses().that().resideInAPackage("..catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.zaxxer..", "com.mysql..");

    @ArchTest
    static final ArchRule frontEndsStayApart = noClasses().that().resideInAPackage("org.dbcreator.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dbcreator.ui..", "javafx..");

    @ArchTest
    static final ArchRule uiKnowsNoCommandLine = noClasses().that().resideInAPackage("org.dbcreator.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dbcreator.cli..", "picocli..", "java.sql..");

    /** The launcher is what the command line may see of the wizard: it must load without JavaFX. */
    @ArchTest
    static final ArchRule launchKnowsNoToolkit = noClasses().that().resideInAPackage("org.dbcreator.launch..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.dbcreator.ui..");

    /** The pages' models never touch a control: layout lives in the views. */
    @ArchTest
    static final ArchRule viewModelsTouchNoControl = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /** One adapter hands work to the FX thread, so that the threading can be read in one place. */
    @ArchTest
    static final ArchRule oneAdapterCallsRunLater = noClasses().that().doNotHaveFullyQualifiedName(
            "org.dbcreator.ui.app.FxExecutor").should().callMethod(javafx.application.Platform.class, "runLater",
                    Runnable.class);

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToStandardStreams = noClasses().that()
            .resideOutsideOfPackage("org.dbcreator.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule slf4jIsTheOnlyLogger = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                    "org.apache.logging.log4j..", "org.apache.commons.logging..");
}
