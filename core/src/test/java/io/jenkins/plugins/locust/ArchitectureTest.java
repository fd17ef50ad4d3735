package io.jenkins.plugins.locust;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core is the Jenkins-free engine: the Maven module boundary keeps Jenkins off its class path, and this test says so
 * explicitly (and keeps it true should someone add a Jenkins artifact to core's pom).
 */
class ArchitectureTest {
    static {
        // The rules need the names of dependencies, not their class files: do not load fabric8 & co. from the jars.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.locust");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.locust");

    @Test
    void shouldNotDependOnJenkins() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "org.jvnet.hudson..")
                .because("core runs outside Jenkins (CLI, tests); the plugin module is the only Jenkins glue")
                .allowEmptyShould(true)
                .check(CORE);
    }

    @Test
    void shouldNotLiveInThePluginsGluePackage() {
        noClasses()
                .should()
                .resideInAPackage("io.jenkins.plugins.locust.jenkins..")
                .because("io.jenkins.plugins.locust.jenkins belongs to the plugin module")
                .allowEmptyShould(true)
                .check(CORE);
    }

    @Test
    void shouldNotWriteToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("progress goes through a listener to the build log or the CLI, never System.out")
                .allowEmptyShould(true)
                .check(CORE);
    }

    @Test
    void shouldKeepTestsPackagePrivate() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Test")
                .or()
                .haveSimpleNameEndingWith("IT")
                .should()
                .notBePublic()
                .allowEmptyShould(true)
                .check(TESTS);
        methods()
                .that()
                .areAnnotatedWith(Test.class)
                .should()
                .notBePublic()
                .allowEmptyShould(true)
                .check(TESTS);
    }
}
