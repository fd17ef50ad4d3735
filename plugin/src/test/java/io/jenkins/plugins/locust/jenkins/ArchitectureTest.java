package io.jenkins.plugins.locust.jenkins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import hudson.model.Item;
import hudson.security.Permission;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's pinned design (docs/design-notes.md): only {@code ..locust.jenkins..} touches Jenkins; inside it,
 * {@code steps} may use {@code actions}, {@code config} and {@code util}; {@code actions} and {@code config} may use
 * {@code util}; {@code util} uses none of them. Plus the Jenkins security and testing conventions.
 */
class ArchitectureTest {
    private static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "org.jvnet.hudson..", "com.cloudbees.."
    };

    /** The plugin's own production classes. */
    private static final JavaClasses PLUGIN = new ClassFileImporter().importPath(Paths.get("target/classes"));

    /** The plugin's and core's production classes (as the plugin sees them: from the class path). */
    private static final JavaClasses PLUGIN_AND_CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("jenkins-stubs") && !location.contains("-tests.jar"))
            .importPackages("io.jenkins.plugins.locust");

    private static final JavaClasses TESTS = new ClassFileImporter().importPath(Paths.get("target/test-classes"));

    @Test
    void shouldKeepJenkinsInsideTheGluePackages() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.jenkins.plugins.locust.jenkins..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JENKINS_PACKAGES)
                .because("core is the Jenkins-free engine; only the plugin's glue may see Jenkins")
                .allowEmptyShould(true) // core may have no classes yet
                .check(PLUGIN_AND_CORE);
    }

    @Test
    void shouldPutEveryPluginClassIntoTheGluePackages() {
        classes()
                .should()
                .resideInAPackage("io.jenkins.plugins.locust.jenkins..")
                .because("the plugin module holds the Jenkins glue only; the engine belongs to core")
                .check(PLUGIN);
    }

    @Test
    void shouldFollowThePinnedPackageDesign() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("steps")
                .definedBy("..locust.jenkins.steps..")
                .layer("actions")
                .definedBy("..locust.jenkins.actions..")
                .layer("config")
                .definedBy("..locust.jenkins.config..")
                .layer("util")
                .definedBy("..locust.jenkins.util..")
                .whereLayer("steps")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("actions")
                .mayOnlyBeAccessedByLayers("steps")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers("steps")
                .whereLayer("util")
                .mayOnlyBeAccessedByLayers("steps", "actions", "config")
                .check(PLUGIN);
    }

    @Test
    void shouldCallJenkinsGetOnlyInTheFacade() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(JenkinsFacade.class)
                .should()
                .callMethod(Jenkins.class, "get")
                .orShould()
                .callMethod(Jenkins.class, "getInstanceOrNull")
                .because("JenkinsFacade is the one door to the singleton, so that everything else stays testable")
                .allowEmptyShould(true)
                .check(PLUGIN);
    }

    @Test
    void shouldGuardFormEndpointsWithPostAndAPermissionCheck() {
        methods()
                .that()
                .haveNameMatching("do(Check|Fill|AutoComplete).*")
                .should()
                .beAnnotatedWith(POST.class)
                .andShould()
                .bePublic()
                .because("form endpoints must not answer GET requests (CSRF) and must check a permission")
                .allowEmptyShould(true)
                .check(PLUGIN);
        classes()
                .that(declareFormEndpoints())
                .should(checkAPermissionThemselvesOrInASuperclass())
                .allowEmptyShould(true)
                .check(PLUGIN);
    }

    @Test
    void shouldDataBindOnlyInPublicClasses() {
        constructors()
                .that()
                .areAnnotatedWith(DataBoundConstructor.class)
                .should()
                .bePublic()
                .andShould()
                .beDeclaredInClassesThat()
                .arePublic()
                .allowEmptyShould(true)
                .check(PLUGIN);
        methods()
                .that()
                .areAnnotatedWith(DataBoundSetter.class)
                .should()
                .bePublic()
                .andShould()
                .beDeclaredInClassesThat()
                .arePublic()
                .allowEmptyShould(true)
                .check(PLUGIN);
    }

    @Test
    void shouldNotWriteToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("output goes to the build log (TaskListener)")
                .check(PLUGIN_AND_CORE);
    }

    @Test
    void shouldKeepTestsPackagePrivateAndUseAssertJ() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Test")
                .or()
                .haveSimpleNameEndingWith("IT")
                .should()
                .notBePublic()
                .check(TESTS);
        methods()
                .that()
                .areAnnotatedWith(Test.class)
                .or()
                .areAnnotatedWith(org.junit.jupiter.params.ParameterizedTest.class)
                .should()
                .notBePublic()
                .check(TESTS);
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit", "org.hamcrest..")
                .because("AssertJ only")
                .check(TESTS);
    }

    /** A call of {@code JenkinsFacade.hasPermission} in the class, or in a plugin superclass it inherits it from. */
    private static ArchCondition<JavaClass> checkAPermissionThemselvesOrInASuperclass() {
        return new ArchCondition<>("call JenkinsFacade.hasPermission (or extend a class of the plugin that does)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean checks = Stream.concat(Stream.of(type), type.getAllRawSuperclasses().stream())
                        .flatMap(t -> t.getMethodCallsFromSelf().stream())
                        .anyMatch(call -> call.getTarget().getOwner().isEquivalentTo(JenkinsFacade.class)
                                && call.getName().equals("hasPermission")
                                && call.getTarget().getRawParameterTypes().stream()
                                        .map(JavaClass::getName)
                                        .toList()
                                        .equals(List.of(Permission.class.getName(), Item.class.getName())));
                if (!checks) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " has form endpoints but checks no permission"));
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> declareFormEndpoints() {
        return DescribedPredicate.describe("declare doCheck/doFill methods", type -> type.getMethods().stream()
                .anyMatch(m -> m.getName().matches("do(Check|Fill|AutoComplete).*")
                        && !m.getModifiers().contains(JavaModifier.SYNTHETIC)));
    }
}
