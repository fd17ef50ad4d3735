package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders one run as Kubernetes objects: pure functions from a {@link RunRequest} to fabric8 model objects (no text
 * templates, so nothing in the input can inject YAML). The backend creates the ConfigMap first, then the rest from
 * {@link KubernetesPlan#withOwner(String)}.
 */
public final class KubernetesRenderer {
    /** Jobs are deleted by the backend; this only removes what a crashed controller left behind. */
    static final int TTL_SECONDS_AFTER_FINISHED = 600;
    /** Time on top of start timeout + run time + stop timeout before Kubernetes kills a Job: image pulls, exit. */
    static final long DEADLINE_GRACE_SECONDS = 120;

    private KubernetesRenderer() {}

    /**
     * @throws io.jenkins.plugins.locust.spec.InvalidSpecException when the files do not fit in a ConfigMap or the pod
     *     overlay is not valid YAML or weakens the pod security (the error names the field)
     * @throws IllegalArgumentException when the run id is not a DNS-1123 label of at most 38 characters
     */
    public static KubernetesPlan render(RunRequest request) {
        LoadTestSpec spec = request.spec();
        RunNames names = RunNames.of(request.runId());
        Map<String, String> annotations = annotations(spec);
        ScriptConfigMap files =
                ScriptConfigMap.of(request.files(), names.configMap(), names.labels("config"), annotations);
        boolean webUi = spec.kubernetes().webUi();

        List<ContainerPort> masterPorts =
                new ArrayList<>(List.of(PodTemplates.port("master", PodCommands.MASTER_PORT)));
        if (webUi) {
            masterPorts.add(PodTemplates.port("web", PodCommands.WEB_PORT));
        }
        PodTemplates.Role master = new PodTemplates.Role(
                names.labels("master"),
                annotations,
                PodCommands.master(spec, PodTemplates.FILES_DIR, webUi),
                masterPorts,
                spec.masterResources(),
                List.of());
        PodTemplates.Role worker = new PodTemplates.Role(
                names.labels("worker"),
                annotations,
                PodCommands.worker(spec, PodTemplates.FILES_DIR, names.service()),
                List.of(),
                spec.workerResources(),
                List.of(PodTemplates.spreadOverNodes(names.selector("worker"))));

        String overlay = spec.kubernetes().podOverlayYaml();
        PodTemplateSpec masterPod = PodOverlay.apply(PodTemplates.pod(spec, master, files), overlay);
        PodTemplateSpec workerPod = PodOverlay.apply(PodTemplates.pod(spec, worker, files), overlay);
        return new KubernetesPlan(
                files.configMap(),
                service(names, annotations, webUi),
                job(names.masterJob(), master, 1, 0, masterPod, spec, null),
                job(names.workerJob(), worker, spec.slaves(), spec.slaves(), workerPod, spec, ignoreDisruptions()),
                names.runLabels());
    }

    private static Map<String, String> annotations(LoadTestSpec spec) {
        String buildUrl = spec.kubernetes().buildUrl();
        return buildUrl == null || buildUrl.isBlank()
                ? Map.of()
                : new TreeMap<>(Map.of(RunNames.BUILD_URL_ANNOTATION, buildUrl.trim()));
    }

    private static Service service(RunNames names, Map<String, String> annotations, boolean webUi) {
        List<ServicePort> ports = new ArrayList<>(List.of(servicePort("master", PodCommands.MASTER_PORT)));
        if (webUi) {
            ports.add(servicePort("web", PodCommands.WEB_PORT));
        }
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(names.service())
                .withLabels(names.labels("master"))
                .withAnnotations(annotations.isEmpty() ? null : annotations)
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(new TreeMap<>(names.selector("master")))
                .withPorts(ports)
                .endSpec()
                .build();
    }

    private static ServicePort servicePort(String name, int port) {
        return new ServicePortBuilder()
                .withName(name)
                .withPort(port)
                .withNewTargetPort(name)
                .withProtocol("TCP")
                .build();
    }

    /**
     * A worker pod evicted by a node drain, preemption, the taint manager or spot loss gets the pod condition
     * {@code DisruptionTarget}: it is not the test's fault, so it does not use up the backoff limit, and the Job
     * replaces it like any lost worker. The master gets no such rule: a replacement master would start a second,
     * empty test that nobody waits for, so an evicted master (SIGTERM: Locust stops and prints its result) ends the
     * run with the partial result, which never passes.
     */
    private static PodFailurePolicy ignoreDisruptions() {
        return new PodFailurePolicyBuilder()
                .addNewRule()
                .withAction("Ignore")
                .addNewOnPodCondition()
                .withType("DisruptionTarget")
                .withStatus("True")
                .endOnPodCondition()
                .endRule()
                .build();
    }

    /**
     * Bounded in time and cleaned up after. The master is never retried (a second master would start a second
     * test). Workers may be replaced, once each on average: a Job past its backoff limit fails and Kubernetes
     * terminates all its running pods, so with a limit of 0 one crashed worker would take every other one down.
     */
    private static Job job(
            String name,
            PodTemplates.Role role,
            int pods,
            int backoffLimit,
            PodTemplateSpec pod,
            LoadTestSpec spec,
            PodFailurePolicy failurePolicy) {
        long deadline = spec.startTimeout().toSeconds()
                + spec.plannedDuration().toSeconds()
                + spec.stopTimeout().toSeconds()
                + DEADLINE_GRACE_SECONDS;
        return new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(role.labels())
                .withAnnotations(role.annotations().isEmpty() ? null : role.annotations())
                .endMetadata()
                .withNewSpec()
                .withParallelism(pods)
                .withCompletions(pods)
                .withBackoffLimit(backoffLimit)
                .withPodFailurePolicy(failurePolicy)
                .withActiveDeadlineSeconds(deadline)
                .withTtlSecondsAfterFinished(TTL_SECONDS_AFTER_FINISHED)
                .withTemplate(pod)
                .endSpec()
                .build();
    }
}
