package io.jenkins.plugins.locust.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
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
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

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
            Map.entry(
                    "hudson.ExtensionList",
                    new Real("class", Set.of("java.util.AbstractList", "hudson.model.OnMaster"))),
            Map.entry(
                    "hudson.util.ListBoxModel",
                    new Real("class", Set.of("java.util.ArrayList", "org.kohsuke.stapler.HttpResponse"))),
            Map.entry("hudson.util.ListBoxModel$Option", new Real("final class", Set.of())),
            Map.entry(
                    "net.sf.json.JSONObject",
                    new Real(
                            "final class",
                            Set.of(
                                    "net.sf.json.AbstractJSON",
                                    "net.sf.json.JSON",
                                    "java.util.Map",
                                    "java.lang.Comparable"))),
            Map.entry(
                    "org.kohsuke.stapler.StaplerRequest2",
                    new Real(
                            "interface",
                            Set.of("jakarta.servlet.http.HttpServletRequest", "jakarta.servlet.ServletRequest"))),
            Map.entry("hudson.util.Secret", new Real("final class", Set.of("java.io.Serializable"))),
            Map.entry(
                    "jenkins.model.GlobalConfiguration",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.model.Descriptor",
                                    "hudson.ExtensionPoint",
                                    "hudson.model.Describable",
                                    "jenkins.model.Loadable",
                                    "hudson.model.Saveable",
                                    "jenkins.security.stapler.StaplerAccessibleType",
                                    "hudson.model.OnMaster"))),
            Map.entry(
                    "com.cloudbees.plugins.credentials.Credentials",
                    new Real(
                            "interface",
                            Set.of("hudson.model.Describable", "java.io.Serializable", "hudson.ExtensionPoint"))),
            Map.entry(
                    "com.cloudbees.plugins.credentials.CredentialsProvider",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.model.Descriptor",
                                    "hudson.ExtensionPoint",
                                    "hudson.model.Describable",
                                    "org.jenkins.ui.icon.IconSpec",
                                    "jenkins.model.Loadable",
                                    "hudson.model.Saveable",
                                    "hudson.model.OnMaster"))),
            Map.entry(
                    "com.cloudbees.plugins.credentials.common.IdCredentials",
                    new Real("interface", Set.of("com.cloudbees.plugins.credentials.Credentials"))),
            Map.entry(
                    "com.cloudbees.plugins.credentials.common.StandardCredentials",
                    new Real("interface", Set.of("com.cloudbees.plugins.credentials.common.IdCredentials"))),
            Map.entry(
                    "com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel",
                    new Real("abstract class", Set.of("hudson.util.ListBoxModel", "java.util.ArrayList"))),
            Map.entry(
                    "com.cloudbees.plugins.credentials.common.StandardListBoxModel",
                    new Real(
                            "class",
                            Set.of(
                                    "com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel",
                                    "hudson.util.ListBoxModel"))),
            Map.entry(
                    "org.jenkinsci.plugins.plaincredentials.StringCredentials",
                    new Real("interface", Set.of("com.cloudbees.plugins.credentials.common.StandardCredentials"))),
            Map.entry(
                    "org.jenkinsci.plugins.plaincredentials.FileCredentials",
                    new Real("interface", Set.of("com.cloudbees.plugins.credentials.common.StandardCredentials"))),
            Map.entry("hudson.Extension", new Real("annotation", Set.of())),
            Map.entry("hudson.ExtensionPoint", new Real("interface", Set.of())),
            Map.entry(
                    "hudson.EnvVars",
                    new Real(
                            "class",
                            Set.of(
                                    "java.util.TreeMap",
                                    "java.util.AbstractMap",
                                    "java.util.NavigableMap",
                                    "java.util.SortedMap",
                                    "java.util.Map",
                                    "java.lang.Cloneable",
                                    "java.io.Serializable"))),
            Map.entry(
                    "hudson.FilePath$FileCallable",
                    new Real("interface", Set.of("java.io.Serializable", "org.jenkinsci.remoting.RoleSensitive"))),
            Map.entry("hudson.remoting.VirtualChannel", new Real("interface", Set.of())),
            Map.entry(
                    "hudson.remoting.Channel",
                    new Real(
                            "class",
                            Set.of(
                                    "hudson.remoting.VirtualChannel",
                                    "hudson.remoting.IChannel",
                                    "java.io.Closeable",
                                    "java.lang.AutoCloseable"))),
            Map.entry("hudson.Launcher", new Real("abstract class", Set.of())),
            Map.entry("hudson.Launcher$ProcStarter", new Real("final class", Set.of())),
            Map.entry("hudson.Proc", new Real("abstract class", Set.of())),
            Map.entry("hudson.tasks.BuildStep", new Real("interface", Set.of())),
            Map.entry("hudson.tasks.BuildStepMonitor", new Real("enum", Set.of())),
            Map.entry(
                    "hudson.tasks.BuildStepCompatibilityLayer",
                    new Real("abstract class", Set.of("hudson.tasks.BuildStep"))),
            Map.entry(
                    "hudson.tasks.Builder",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.tasks.BuildStepCompatibilityLayer",
                                    "hudson.tasks.BuildStep",
                                    "hudson.model.Describable",
                                    "hudson.ExtensionPoint"))),
            Map.entry(
                    "hudson.tasks.BuildStepDescriptor", new Real("abstract class", Set.of("hudson.model.Descriptor"))),
            Map.entry(
                    "hudson.model.BuildListener",
                    new Real(
                            "interface",
                            Set.of(
                                    "hudson.model.TaskListener",
                                    "org.jenkinsci.remoting.SerializableOnlyOverRemoting",
                                    "java.io.Serializable"))),
            Map.entry(
                    "hudson.model.AbstractProject",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.model.Job",
                                    "hudson.model.AbstractItem",
                                    "hudson.model.Actionable",
                                    "hudson.model.BuildableItem",
                                    "hudson.model.Item"))),
            Map.entry(
                    "hudson.model.AbstractBuild",
                    new Real(
                            "abstract class",
                            Set.of("hudson.model.Run", "hudson.model.Actionable", "hudson.model.Queue$Executable"))),
            Map.entry(
                    "hudson.remoting.RemoteOutputStream",
                    new Real(
                            "final class",
                            Set.of(
                                    "java.io.OutputStream",
                                    "java.io.Closeable",
                                    "java.io.Flushable",
                                    "java.lang.AutoCloseable",
                                    "org.jenkinsci.remoting.SerializableOnlyOverRemoting",
                                    "java.io.Serializable"))),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.graph.FlowNode",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "hudson.model.Actionable",
                                    "hudson.model.AbstractModelObject",
                                    "hudson.model.Saveable",
                                    "hudson.search.SearchableModelObject",
                                    "hudson.model.ModelObject",
                                    "hudson.search.SearchItem",
                                    "jenkins.model.ModelObjectWithContextMenu"))),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.actions.WarningAction",
                    new Real(
                            "class",
                            Set.of(
                                    "org.jenkinsci.plugins.workflow.actions.PersistentAction",
                                    "hudson.model.Action",
                                    "hudson.model.ModelObject"))),
            Map.entry("hudson.security.ACL", new Real("abstract class", Set.of())),
            Map.entry("hudson.security.ACLContext", new Real("class", Set.of("java.lang.AutoCloseable"))),
            Map.entry(
                    "hudson.util.ClassLoaderSanityThreadFactory",
                    new Real("class", Set.of("java.util.concurrent.ThreadFactory"))),
            Map.entry(
                    "hudson.util.DaemonThreadFactory", new Real("class", Set.of("java.util.concurrent.ThreadFactory"))),
            Map.entry(
                    "hudson.util.NamingThreadFactory",
                    new Real("final class", Set.of("java.util.concurrent.ThreadFactory"))),
            Map.entry(
                    "jenkins.MasterToSlaveFileCallable",
                    new Real(
                            "abstract class",
                            Set.of(
                                    "jenkins.agents.ControllerToAgentFileCallable",
                                    "hudson.FilePath$FileCallable",
                                    "java.io.Serializable",
                                    "org.jenkinsci.remoting.RoleSensitive"))),
            Map.entry("org.jenkinsci.plugins.workflow.steps.BodyInvoker", new Real("abstract class", Set.of())),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback",
                    new Real("abstract class", Set.of("java.io.Serializable"))),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.BodyExecution",
                    new Real("abstract class", Set.of("java.util.concurrent.Future", "java.io.Serializable"))),
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
                    "org.kohsuke.stapler.StaplerResponse2",
                    new Real("interface", Set.of("jakarta.servlet.http.HttpServletResponse"))),
            Map.entry("org.kohsuke.stapler.QueryParameter", new Real("annotation", Set.of())),
            Map.entry("org.kohsuke.stapler.verb.POST", new Real("annotation", Set.of()))));

    /**
     * The abstract methods each real abstract class declares, for every abstract class stubbed here: a stub must declare
     * each, or a subclass (the plugin's, or a test double) compiles against the stub and fails to link against core
     * with an AbstractMethodError. Read from jenkins-core 2.541.3, workflow-step-api 710.v3e456cc85233, credentials 1502.v5c95e620ddfe.
     */
    private static final Map<String, Set<String>> REAL_ABSTRACT_METHODS = Map.ofEntries(
            Map.entry("hudson.model.AbstractDescribableImpl", Set.of()),
            Map.entry("hudson.model.Descriptor", Set.of()),
            Map.entry("hudson.model.Job", Set.of("isBuildable", "_getRuns", "removeRun", "getAllJobs")),
            Map.entry("hudson.model.Run", Set.of()),
            Map.entry("hudson.model.AbstractBuild", Set.of()),
            Map.entry("hudson.model.AbstractProject", Set.of("getBuildClass")),
            Map.entry("hudson.Launcher", Set.of("launch", "launchChannel", "kill")),
            Map.entry("hudson.Proc", Set.of("isAlive", "kill", "join", "getStdout", "getStderr", "getStdin")),
            Map.entry("hudson.tasks.BuildStepCompatibilityLayer", Set.of()),
            Map.entry("hudson.tasks.Builder", Set.of()),
            Map.entry("hudson.tasks.BuildStepDescriptor", Set.of("isApplicable")),
            Map.entry("org.jenkinsci.plugins.workflow.graph.FlowNode", Set.of("getTypeDisplayName")),
            Map.entry("hudson.security.ACL", Set.of()),
            Map.entry("hudson.util.FormValidation", Set.of("renderHtml")),
            Map.entry("jenkins.model.GlobalConfiguration", Set.of()),
            Map.entry("com.cloudbees.plugins.credentials.CredentialsProvider", Set.of()),
            Map.entry("com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel", Set.of("describe")),
            Map.entry("jenkins.MasterToSlaveFileCallable", Set.of()),
            Map.entry("org.jenkinsci.plugins.workflow.steps.Step", Set.of("start")),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.StepDescriptor",
                    Set.of("getRequiredContext", "getFunctionName")),
            Map.entry("org.jenkinsci.plugins.workflow.steps.StepExecution", Set.of("start")),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.StepContext",
                    Set.of(
                            "get",
                            "onSuccess",
                            "isReady",
                            "saveState",
                            "setResult",
                            "newBodyInvoker",
                            "equals",
                            "hashCode")),
            Map.entry(
                    "org.jenkinsci.plugins.workflow.steps.BodyInvoker",
                    Set.of("withContext", "withDisplayName", "withCallback", "start")),
            Map.entry("org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback", Set.of("onSuccess", "onFailure")),
            Map.entry("org.jenkinsci.plugins.workflow.steps.BodyExecution", Set.of("getCurrentExecutions")));

    /** Type parameters with their bounds, exactly as in the real sources (they decide erasures and bridges). */
    private static final Map<String, List<String>> REAL_TYPE_PARAMETERS = Map.of(
            "hudson.model.AbstractProject",
            List.of("P extends hudson.model.AbstractProject<P, R>", "R extends hudson.model.AbstractBuild<P, R>"),
            "hudson.model.AbstractBuild",
            List.of("P extends hudson.model.AbstractProject<P, R>", "R extends hudson.model.AbstractBuild<P, R>"),
            "hudson.tasks.BuildStepDescriptor",
            List.of("T extends hudson.tasks.BuildStep & hudson.model.Describable<T>"),
            "hudson.model.Run",
            List.of("JobT extends hudson.model.Job<JobT, RunT>", "RunT extends hudson.model.Run<JobT, RunT>"),
            "hudson.model.Job",
            List.of("JobT extends hudson.model.Job<JobT, RunT>", "RunT extends hudson.model.Run<JobT, RunT>"),
            "hudson.model.Describable",
            List.of("T extends hudson.model.Describable<T>"),
            "hudson.model.Descriptor",
            List.of("T extends hudson.model.Describable<T>"),
            "hudson.model.AbstractDescribableImpl",
            List.of("T extends hudson.model.AbstractDescribableImpl<T>"),
            "hudson.ExtensionList",
            List.of("T extends java.lang.Object"),
            "com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel",
            List.of(
                    "T extends com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel<T, C>",
                    "C extends com.cloudbees.plugins.credentials.common.IdCredentials"));

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
    void shouldListTheRealAbstractMethodsOfEveryStubbedAbstractClass() throws Exception {
        assertThat(REAL_ABSTRACT_METHODS.keySet())
                .as("every abstract class stubbed here, with its real abstract methods")
                .containsExactlyInAnyOrderElementsOf(stubClasses().stream()
                        .filter(type -> kindOf(type).equals("abstract class"))
                        .map(Class::getName)
                        .collect(Collectors.toList()));
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
    void shouldKeepFinalTheMethodsTheRealClassesMakeFinal() throws Exception {
        // A plugin overriding a real final method fails to load (reference §1 rule 5).
        assertThat(Modifier.isFinal(
                        GlobalConfiguration.class.getMethod("getDescriptor").getModifiers()))
                .isTrue();
    }

    @Test
    void shouldEraseTheCredentialsLookupsToTheirBounds() throws Exception {
        Method byId = CredentialsProvider.class.getMethod("findCredentialById", String.class, Class.class, Run.class);
        Method inItem = CredentialsProvider.class.getMethod(
                "lookupCredentialsInItem", Class.class, Item.class, Authentication.class);

        assertThat(byId.getReturnType()).isEqualTo(IdCredentials.class);
        assertThat(Modifier.isStatic(byId.getModifiers())).isTrue();
        assertThat(inItem.getReturnType()).isEqualTo(List.class);
        assertThat(Modifier.isStatic(inItem.getModifiers())).isTrue();
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
                // the formatter wraps a header longer than a line into a second // line: read them as one
                String firstLine = Files.readAllLines(source, StandardCharsets.UTF_8).stream()
                        .takeWhile(line -> line.startsWith("//"))
                        .map(line -> line.substring(2).strip())
                        .collect(Collectors.joining(" ", "// ", ""));
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
