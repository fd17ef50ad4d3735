package io.jenkins.plugins.locust.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Results, thresholds and reports are pure functions of a result: they never reach into how a run is carried out,
 * so the plugin, the CLI and a trend page can use them on a stored result.json alone.
 */
class ResultsLayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.locust");

    @Test
    void shouldKeepTheResultModelFreeOfThresholdsAndReports() {
        noClasses()
                .that()
                .resideInAPackage("..locust.result..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..locust.threshold..", "..locust.report..", "..locust.run..", "..locust.spec..")
                .check(CORE);
    }

    @Test
    void shouldKeepThresholdsAndReportsAwayFromRunningAndKubernetes() {
        noClasses()
                .that()
                .resideInAnyPackage("..locust.threshold..", "..locust.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..locust.run..",
                        "..locust.kubernetes..",
                        "..locust.local..",
                        "..locust.spec..",
                        "io.fabric8..")
                .check(CORE);
    }

    @Test
    void shouldKeepThresholdsFreeOfReports() {
        noClasses()
                .that()
                .resideInAPackage("..locust.threshold..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..locust.report..")
                .check(CORE);
    }
}
