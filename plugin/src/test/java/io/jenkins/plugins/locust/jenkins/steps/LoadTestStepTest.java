package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.Permission;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

class LoadTestStepTest {
    @Test
    void shouldKeepTheScriptAndLeaveOptionalParametersToTheSpecDefaults() {
        LoadTestStep step = new LoadTestStep(" perf/locustfile.py ");

        assertThat(step.getScript()).isEqualTo("perf/locustfile.py");
        assertThat(step.getUsers()).isNull();
        assertThat(step.getSlaves()).isNull();
        assertThat(step.getRunTime()).isNull();
        assertThat(step.getHost()).isNull();
        assertThat(step.getThresholds()).isEmpty();
        assertThat(step.getBackend()).isNull();
        assertThat(step.getCluster()).isNull();
        assertThat(step.isWebUi()).isFalse();
        assertThat(step.parameters().describe()).isEqualTo("script=perf/locustfile.py");
    }

    @Test
    void shouldBindTheParametersThroughTheirSetters() {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");

        step.setUsers(500);
        step.setRunTime(" 5m ");
        step.setThresholds(List.of("p95 < 800ms"));
        step.setSpawnRate(2.5);
        step.setBackend("kubernetes");
        step.setCluster(" prod ");
        step.setWebUi(true);
        step.setPodOverlay("spec:\n  priorityClassName: load\n");

        assertThat(step.getUsers()).isEqualTo(500);
        assertThat(step.getRunTime()).isEqualTo("5m");
        assertThat(step.getThresholds()).containsExactly("p95 < 800ms");
        assertThat(step.getSpawnRate()).isEqualTo(2.5);
        assertThat(step.getBackend()).isEqualTo("kubernetes");
        assertThat(step.getCluster()).isEqualTo("prod");
        assertThat(step.isWebUi()).isTrue();
        assertThat(step.getPodOverlay()).isEqualTo("spec:\n  priorityClassName: load\n");
        assertThat(step.parameters().describe())
                .isEqualTo("script=perf/locustfile.py, users=500, runTime=5m, thresholds=[p95 < 800ms],"
                        + " spawnRate=2.5, backend=kubernetes, cluster=prod, webUi=true, podOverlay=(2 lines)");
    }

    @Test
    void shouldTreatBlankTextAndEmptyListsAsNotGiven() {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");

        step.setRunTime(" ");
        step.setHost("");
        step.setThresholds(null);
        step.setTags(List.of("", "  \n"));

        assertThat(step.getRunTime()).isNull();
        assertThat(step.getHost()).isNull();
        assertThat(step.getThresholds()).isEmpty();
        assertThat(step.getTags()).isEmpty();
        assertThat(step.parameters().describe()).isEqualTo("script=perf/locustfile.py");
    }

    @Test
    void shouldKeepEnvOutOfTheParametersTheExecutionKeeps() {
        // given a secret value in env
        LoadTestStep step = new LoadTestStep("perf");
        step.setEnv(List.of("API_TOKEN=s3cr3t", "TENANT"));

        // when
        StepParameters kept = step.parameters();

        // then the step still has it, the kept parameters do not
        assertThat(step.getEnv()).containsExactly("API_TOKEN=s3cr3t", "TENANT");
        assertThat(kept.toString()).doesNotContain("s3cr3t").doesNotContain("API_TOKEN");
    }

    /**
     * A list parameter round-trips through the form the way Stapler binds it: the text area posts its text as one JSON
     * string, Stapler passes it to the {@code List<String>} setter as a one-element list, the getter reads it back,
     * and the text area shows it again through {@code descriptor.linesOf}: the same text, so saving again changes
     * nothing (before, the box showed the list's {@code [a, b]}, which came back as one bad value).
     */
    @Test
    void shouldShowEveryListParameterInItsTextAreaAsTheFormPostedIt() throws Exception {
        LoadTestStep.DescriptorImpl descriptor = new LoadTestStep.DescriptorImpl(new AllowingFacade(true));
        for (String field : listParameters()) {
            // given the text area's text as the form posts it (JSON string → one-element list)
            String text = "first " + field + "\nsecond " + field;
            LoadTestStep step = new LoadTestStep("perf");

            // when Stapler binds it, and the form is shown again
            setter(field).invoke(step, new ArrayList<>(List.of(text)));
            String shown = descriptor.linesOf(step, field);

            // then the text area shows the same text, and the step holds one value per line
            assertThat(shown).as(field).isEqualTo(text);
            assertThat(getter(field).invoke(step)).as(field).isEqualTo(List.of("first " + field, "second " + field));
            LoadTestStep saved = new LoadTestStep("perf");
            setter(field).invoke(saved, new ArrayList<>(List.of(shown)));
            assertThat(getter(field).invoke(saved))
                    .as(field)
                    .isEqualTo(getter(field).invoke(step));
        }
        assertThat(descriptor.linesOf(null, "thresholds")).isEmpty();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldTakeListElementsAsText() {
        // given a Groovy list as a pipeline may pass it: a GString and a number among the values
        List raw = new ArrayList<>();
        raw.add(new StringBuilder("TENANT=nightly"));
        raw.add(42);

        // when
        LoadTestStep step = new LoadTestStep("perf");
        step.setTags(raw);

        // then
        assertThat(step.getTags()).containsExactly("TENANT=nightly", "42");
    }

    @Test
    void shouldBeCalledLoadTestInPipelines() {
        LoadTestStep.DescriptorImpl descriptor = new LoadTestStep.DescriptorImpl(new AllowingFacade(true));

        assertThat(descriptor.getFunctionName()).isEqualTo("loadTest");
        assertThat(descriptor.getDisplayName()).isEqualTo("Run a distributed Locust load test");
    }

    @Test
    void shouldNeedTheRunItsLogAWorkspaceAndTheBuildsEnvironment() {
        LoadTestStep.DescriptorImpl descriptor = new LoadTestStep.DescriptorImpl(new AllowingFacade(true));

        Set<Class<?>> required = Set.copyOf(descriptor.getRequiredContext());

        assertThat(required).containsExactlyInAnyOrder(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }

    /** The data-bound parameters of type {@code List<String>}: each has a text area in the form. */
    static List<String> listParameters() {
        Map<String, Method> setters = new LinkedHashMap<>();
        for (Method method : LoadTestStep.class.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)
                    && method.getGenericParameterTypes()[0] instanceof ParameterizedType type
                    && type.getRawType() == List.class) {
                setters.put(Introspector.decapitalize(method.getName().substring(3)), method);
            }
        }
        assertThat(setters).as("list parameters").containsKeys("thresholds", "env", "stages", "nodeSelector");
        return List.copyOf(setters.keySet());
    }

    private static Method setter(String field) throws NoSuchMethodException {
        return LoadTestStep.class.getMethod(
                "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1), List.class);
    }

    private static Method getter(String field) throws NoSuchMethodException {
        return LoadTestStep.class.getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
    }

    /** A facade that answers every permission question the same way, without Jenkins. */
    static final class AllowingFacade extends JenkinsFacade {
        private static final long serialVersionUID = 1L;
        private final boolean allowed;

        AllowingFacade(boolean allowed) {
            this.allowed = allowed;
        }

        @Override
        public boolean hasPermission(Permission permission, Item item) {
            return allowed;
        }
    }
}
