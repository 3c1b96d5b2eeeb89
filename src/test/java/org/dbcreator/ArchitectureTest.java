package org.dbcreator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the parts apart (DESIGN.md): the engine knows no front end, front ends know no JDBC. */
@AnalyzeClasses(packages = "org.dbcreator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"..catalog..", "..db..", "..history..", "..engine..", "..backup..",
        "..cluster..", "..embedded..", "..error.."};

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
            .should().dependOnClassesThat().resideInAnyPackage("org.dbcreator.cli..", "picocli..", "java.sql..")
            .allowEmptyShould(true); // the wizard has not landed yet

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToStandardStreams = noClasses().that()
            .resideOutsideOfPackage("org.dbcreator.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule slf4jIsTheOnlyLogger = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                    "org.apache.logging.log4j..", "org.apache.commons.logging..");
}
