package io.jenkins.plugins.locust.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

/**
 * Checks mechanically the rules for binary-compatible stubs (reference/jenkins-api.md §1): kinds, final kept, no
 * invented supertypes, every abstract member of a type the plugin extends, type-parameter bounds, RUNTIME retention, no
 * compile-time constants, and one "Mirrors" line per file. Adding a stub class means adding it to {@link #REAL} here.
 */
class StubRulesTest {
    private static final String OURS = "io.jenkins.plugins.locust.stubs.";

    /** What the real class is, and all its real supertypes (direct or not), as read from the real sources. */
    private record Real(String kind, Set<String> supertypes) {}

    private static final Map<String, Real> REAL = new TreeMap<>(Map.ofEntries(
            Map.entry("hudson.AbortException", new Real("class", Set.of("java.io.IOException"))),
            Map.entry("hudson.Extension", new Real("annotation", Set.of())),
            Map.entry("hudson.ExtensionPoint", new Real("interface", Set.of())),
            Map.entry(
                    "hudson.FilePath",
                    new Real(
                            "final class",
                            Set.of("org.jenkinsci.remoting.SerializableOnlyOverRemoting", "java.io.Serializable"))),
            Map.entry(
                    "hudson.model.AbstractDescribableImpl",
                    new Real("abstract class", Set.of("hudson.model.Describable"))),
            Map.entry("hudson.model.Action", new Real("interface", Set.of("hudson.model.ModelObject"))),
            Map.entry("hudson.model.Describable", new Real("interface", Set.of())),
            Map.entry(
                    "hudson.model.Descriptor",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "jenkins.model.Loadable",
                                    "hudson.model.Saveable",
                                    "jenkins.security.stapler.StaplerAccessibleType",
                                    "hudson.model.OnMaster"))),
            Map.entry(
                    "hudson.model.Item",
                    new Real(
                            "interface",
                            Set.of(
                                    "hudson.model.PersistenceRoot",
                                    "hudson.model.Saveable",
                                    "hudson.model.FullyNamedModelObject",
                                    "hudson.model.SearchableModelObject",
                                    "hudson.model.ModelObject",
                                    "hudson.search.SearchItem",
                                    "hudson.model.FullyNamed",
                                    "hudson.model.Named",
                                    "hudson.security.AccessControlled",
                                    "jenkins.security.stapler.StaplerAccessibleType",
                                    "hudson.model.OnMaster"))),
            Map.entry(
                    "hudson.model.Job",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.model.AbstractItem",
                                    "hudson.model.Actionable",
                                    "hudson.model.AbstractModelObject",
                                    "hudson.model.Item",
                                    "hudson.security.AccessControlled",
                                    "hudson.ExtensionPoint"))),
            Map.entry("hudson.model.ModelObject", new Real("interface", Set.of())),
            Map.entry(
                    "hudson.model.Run",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.model.Actionable",
                                    "hudson.model.AbstractModelObject",
                                    "hudson.ExtensionPoint",
                                    "java.lang.Comparable",
                                    "hudson.security.AccessControlled",
                                    "hudson.model.PersistenceRoot",
                                    "hudson.model.DescriptorByNameOwner",
                                    "hudson.model.OnMaster",
                                    "org.kohsuke.stapler.StaplerProxy",
                                    "jenkins.model.HistoricalBuild",
                                    "jenkins.model.WithConsoleUrl"))),
            Map.entry(
                    "hudson.model.Result",
                    new Real(
                            "final class",
                            Set.of("java.io.Serializable", "org.kohsuke.stapler.export.CustomExportedBean"))),
            Map.entry(
                    "hudson.model.TaskListener",
                    new Real(
                            "interface",
                            Set.of("org.jenkinsci.remoting.SerializableOnlyOverRemoting", "java.io.Serializable"))),
            Map.entry("hudson.security.AccessControlled", new Real("interface", Set.of())),
            Map.entry("hudson.security.Permission", new Real("final class", Set.of())),
            Map.entry(
                    "hudson.util.FormValidation",
                    new Real(
                            "abstract class",
                            Set.of("java.io.IOException", "java.lang.Exception", "org.kohsuke.stapler.HttpResponse"))),
            Map.entry("hudson.util.FormValidation$Kind", new Real("enum", Set.of())),
            Map.entry("jenkins.YesNoMaybe", new Real("enum", Set.of())),
            Map.entry("jenkins.model.RunAction2", new Real("interface", Set.of("hudson.model.Action"))),
            Map.entry("jenkins.tasks.SimpleBuildStep", new Real("interface", Set.of("hudson.tasks.BuildStep"))),
            Map.entry(
                    "jenkins.tasks.SimpleBuildStep$LastBuildAction",
                    new Real("interface", Set.of("hudson.model.Action"))),
            Map.entry(
                    "jenkins.model.Jenkins",
                    new Real(
                            "class",
                            Set.of(
                                    "hudson.model.AbstractCIBase",
                                    "hudson.model.Node",
                                    "hudson.model.AbstractModelObject",
                                    "hudson.security.AccessControlled",
                                    "hudson.model.ItemGroup",
                                    "org.kohsuke.stapler.StaplerProxy",
                                    "org.kohsuke.stapler.StaplerFallback",
                                    "hudson.model.ModifiableViewGroup",
                                    "hudson.model.DescriptorByNameOwner",
                                    "hudson.model.ModelObjectWithContextMenu",
                                    "jenkins.model.ModelObjectWithChildren",
                                    "hudson.model.OnMaster",
                                    "jenkins.model.Loadable"))),
            Map.entry("org.jenkinsci.Symbol", new Real("annotation", Set.of())),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.Step",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.model.AbstractDescribableImpl",
                                    "hudson.model.Describable",
                                    "hudson.ExtensionPoint"))),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.StepContext",
                    new Real(
                            "abstract class",
                            Set.of("com.google.common.util.concurrent.FutureCallback", "java.io.Serializable"))),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.StepDescriptor",
                    new Real("abstract class", Set.of("hudson.model.Descriptor"))),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.StepExecution",
                    new Real("abstract class", Set.of("java.io.Serializable"))),
            Map.entry("org.jvnet.hudson.annotation_indexer.Indexed", new Real("annotation", Set.of())),
            Map.entry("org.kohsuke.stapler.AncestorInPath", new Real("annotation", Set.of())),
            Map.entry("org.kohsuke.stapler.DataBoundConstructor", new Real("annotation", Set.of())),
            Map.entry("org.kohsuke.stapler.DataBoundSetter", new Real("annotation", Set.of())),
            Map.entry("org.kohsuke.stapler.HttpResponse", new Real("interface", Set.of())),
            Map.entry(
                    "org.kohsuke.stapler.StaplerRequest2",
                    new Real("interface", Set.of("jakarta.servlet.http.HttpServletRequest"))),
            Map.entry(
                    "org.kohsuke.stapler.StaplerResponse2",
                    new Real("interface", Set.of("jakarta.servlet.http.HttpServletResponse"))),
            Map.entry("org.kohsuke.stapler.QueryParameter", new Real("annotation", Set.of())),
            Map.entry("org.kohsuke.stapler.verb.POST", new Real("annotation", Set.of()))));

    /** Abstract methods of the real types the plugin extends: a stub must declare each, or the plugin fails to link. */
    private static final Map<String, Set<String>> REAL_ABSTRACT_METHODS = Map.of(
            "org.jenkinsci.plugins.workflow.steps.Step", Set.of("start"),
            "org.jenkinsci.plugins.workflow.steps.StepDescriptor", Set.of("getRequiredContext", "getFunctionName"),
            "org.jenkinsci.plugins.workflow.steps.StepExecution", Set.of("start"));

    /** Type parameters with their bounds, exactly as in the real sources (they decide erasures and bridges). */
    private static final Map<String, List<String>> REAL_TYPE_PARAMETERS = Map.of(
            "hudson.model.Run",
            List.of("JobT extends hudson.model.Job<JobT, RunT>", "RunT extends hudson.model.Run<JobT, RunT>"),
            "hudson.model.Job",
            List.of("JobT extends hudson.model.Job<JobT, RunT>", "RunT extends hudson.model.Run<JobT, RunT>"),
            "hudson.model.Describable",
            List.of("T extends hudson.model.Describable<T>"),
            "hudson.model.Descriptor",
            List.of("T extends hudson.model.Describable<T>"),
            "hudson.model.AbstractDescribableImpl",
            List.of("T extends hudson.model.AbstractDescribableImpl<T>"));

    /**
     * Non-private static final primitive or String fields allowed in the stubs, with the value they have in the real
     * class (javac inlines such constants into the plugin). Empty: no stub declares one.
     */
    private static final Map<String, Object> ALLOWED_CONSTANTS = Map.of();

    @Test
    void shouldDescribeEveryStubClassWithItsRealKindAndSupertypes() throws Exception {
        List<Class<?>> stubs = stubClasses();

        assertThat(stubs).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(REAL.keySet());
        for (Class<?> stub : stubs) {
            Real real = REAL.get(stub.getName());
            assertThat(kindOf(stub)).as("kind of %s", stub.getName()).isEqualTo(real.kind());
            for (String supertype : declaredSupertypes(stub)) {
                assertThat(real.supertypes())
                        .as("%s declares %s, which is not a real supertype (VerifyError at run time)", stub, supertype)
                        .contains(supertype);
            }
        }
    }

    @Test
    void shouldDeclareEveryAbstractMethodOfTheTypesThePluginExtends() throws Exception {
        for (Map.Entry<String, Set<String>> entry : REAL_ABSTRACT_METHODS.entrySet()) {
            Class<?> stub = Class.forName(entry.getKey());
            Set<String> abstractMethods = Arrays.stream(stub.getDeclaredMethods())
                    .filter(m -> Modifier.isAbstract(m.getModifiers()))
                    .map(Method::getName)
                    .collect(Collectors.toSet());
            assertThat(abstractMethods).as("abstract methods of %s", stub).containsAll(entry.getValue());
        }
    }

    @Test
    void shouldCopyTypeParameterBoundsExactly() throws Exception {
        for (Map.Entry<String, List<String>> entry : REAL_TYPE_PARAMETERS.entrySet()) {
            List<String> declared = new ArrayList<>();
            for (TypeVariable<?> variable : Class.forName(entry.getKey()).getTypeParameters()) {
                declared.add(variable.getName() + " extends "
                        + Arrays.stream(variable.getBounds())
                                .map(Type::getTypeName)
                                .collect(Collectors.joining(" & ")));
            }
            assertThat(declared).as("type parameters of %s", entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void shouldEraseGetActionToAction() throws Exception {
        Method getAction = Run.class.getMethod("getAction", Class.class);

        assertThat(getAction.getReturnType()).isEqualTo(Action.class);
        assertThat(getAction.getParameterTypes()).containsExactly(Class.class);
    }

    @Test
    void shouldKeepStepContextAnAbstractClassAndTaskListenerAnInterface() {
        assertThat(StepContext.class.isInterface()).isFalse();
        assertThat(Modifier.isAbstract(StepContext.class.getModifiers())).isTrue();
        assertThat(TaskListener.class.isInterface()).isTrue();
    }

    @Test
    void shouldGiveEveryAnnotationRuntimeRetention() throws Exception {
        for (Class<?> stub : stubClasses()) {
            if (stub.isAnnotation()) {
                Retention retention = stub.getAnnotation(Retention.class);
                assertThat(retention).as("@Retention of %s", stub).isNotNull();
                assertThat(retention.value()).as("@Retention of %s", stub).isEqualTo(RetentionPolicy.RUNTIME);
            }
        }
    }

    @Test
    void shouldIndexExtensionWithSezPoz() {
        assertThat(Extension.class.getAnnotation(net.java.sezpoz.Indexable.class))
                .isNotNull();
    }

    @Test
    void shouldDeclareNoCompileTimeConstantsWithOtherValuesThanTheRealOnes() throws Exception {
        for (Class<?> stub : stubClasses()) {
            for (Field field : stub.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                boolean constantType = field.getType().isPrimitive() || field.getType() == String.class;
                if (constantType
                        && Modifier.isStatic(modifiers)
                        && Modifier.isFinal(modifiers)
                        && !Modifier.isPrivate(modifiers)) {
                    String key = stub.getName() + "." + field.getName();
                    assertThat(ALLOWED_CONSTANTS)
                            .as("%s would be inlined into the plugin; allow-list it with the real value", key)
                            .containsKey(key);
                    field.setAccessible(true);
                    assertThat(field.get(null)).as(key).isEqualTo(ALLOWED_CONSTANTS.get(key));
                }
            }
        }
    }

    @Test
    void shouldSayInOneLineWhichRealArtifactEachStubMirrors() throws IOException {
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("io/jenkins/plugins/locust/stubs"))
                    .collect(Collectors.toList());
            long nested =
                    REAL.keySet().stream().filter(name -> name.contains("$")).count();
            assertThat(sources).hasSize(REAL.size() - (int) nested);
            for (Path source : sources) {
                String firstLine =
                        Files.readAllLines(source, StandardCharsets.UTF_8).get(0);
                String simpleName = source.getFileName().toString().replace(".java", "");
                assertThat(firstLine)
                        .as(source.toString())
                        .matches("// Mirrors [\\w.-]+:[\\w.-]+(:[\\w.-]+)?(, in core [\\d.]+)? \\(" + simpleName
                                + "\\)\\. Compile-only stub\\.");
            }
        }
    }

    private static String kindOf(Class<?> type) {
        if (type.isAnnotation()) {
            return "annotation";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            return "abstract class";
        }
        return Modifier.isFinal(type.getModifiers()) ? "final class" : "class";
    }

    private static List<String> declaredSupertypes(Class<?> type) {
        List<String> supertypes = new ArrayList<>();
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && superclass != Object.class && superclass != Enum.class) {
            supertypes.add(superclass.getName());
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (implemented != java.lang.annotation.Annotation.class) {
                supertypes.add(implemented.getName());
            }
        }
        return supertypes;
    }

    /** Every class compiled from this module's sources, except the build tooling of our own package. */
    static List<Class<?>> stubClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Paths.get(Extension.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith(OURS)) {
                    classes.add(Class.forName(name, false, StubRulesTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
