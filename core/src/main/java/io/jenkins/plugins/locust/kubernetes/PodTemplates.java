package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.HostAliasBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The master and worker pod templates: one container {@code locust} that passes the restricted Pod Security
 * Standard (non-root uid 1000 as in the Locust image, no privilege escalation, no capabilities, RuntimeDefault
 * seccomp) with a read-only root filesystem, the run files mounted read-only and an emptyDir for scratch and HOME.
 */
final class PodTemplates {
    static final String CONTAINER = "locust";
    static final String FILES_DIR = "/mnt/locust";
    static final String SCRATCH_DIR = "/tmp";
    static final long RUN_AS_USER = 1000L;

    private PodTemplates() {}

    /** The container security settings every container of our pods gets (overlay sidecars too, where unset). */
    static SecurityContext containerSecurity() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .build();
    }

    /**
     * What differs between the master and the worker pods.
     *
     * @param spread topology spread constraints (workers over nodes), or empty
     */
    record Role(
            Map<String, String> labels,
            Map<String, String> annotations,
            List<String> args,
            List<ContainerPort> ports,
            Resources resources,
            List<TopologySpreadConstraint> spread) {}

    static PodTemplateSpec pod(LoadTestSpec spec, Role role, ScriptConfigMap files) {
        KubernetesOptions k8s = spec.kubernetes();
        Container container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand("locust")
                .withArgs(role.args())
                .withWorkingDir(SCRATCH_DIR)
                .withEnv(env(spec.env()))
                .withPorts(role.ports())
                .withResources(resources(role.resources()))
                .withSecurityContext(containerSecurity())
                .withVolumeMounts(mount("files", FILES_DIR, true), mount("scratch", SCRATCH_DIR, false))
                .build();
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(role.labels())
                .withAnnotations(role.annotations().isEmpty() ? null : role.annotations())
                .endMetadata()
                .withSpec(new PodSpecBuilder()
                        .withRestartPolicy("Never")
                        .withAutomountServiceAccountToken(false)
                        .withEnableServiceLinks(false)
                        .withServiceAccountName(blankToNull(k8s.serviceAccount()))
                        .withImagePullSecrets(k8s.imagePullSecrets().stream()
                                .map(LocalObjectReference::new)
                                .toList())
                        .withNodeSelector(k8s.nodeSelector().isEmpty() ? null : new TreeMap<>(k8s.nodeSelector()))
                        .withHostAliases(hostAliases(spec))
                        .withTerminationGracePeriodSeconds(spec.stopTimeout().toSeconds() + 15)
                        .withSecurityContext(new PodSecurityContextBuilder()
                                .withRunAsNonRoot(true)
                                .withRunAsUser(RUN_AS_USER)
                                .withRunAsGroup(RUN_AS_USER)
                                .withFsGroup(RUN_AS_USER)
                                .withNewSeccompProfile()
                                .withType("RuntimeDefault")
                                .endSeccompProfile()
                                .build())
                        .withTopologySpreadConstraints(role.spread())
                        .withContainers(container)
                        .withVolumes(
                                filesVolume(files.configMap().getMetadata().getName(), files.items()), scratchVolume())
                        .build())
                .build();
    }

    static ContainerPort port(String name, int port) {
        return new ContainerPortBuilder()
                .withName(name)
                .withContainerPort(port)
                .withProtocol("TCP")
                .build();
    }

    /** Spreads one role's pods over nodes where possible, but never keeps a pod pending for it. */
    static TopologySpreadConstraint spreadOverNodes(Map<String, String> selector) {
        return new TopologySpreadConstraintBuilder()
                .withMaxSkew(1)
                .withTopologyKey("kubernetes.io/hostname")
                .withWhenUnsatisfiable("ScheduleAnyway")
                .withNewLabelSelector()
                .withMatchLabels(new TreeMap<>(selector))
                .endLabelSelector()
                .build();
    }

    /** Python needs a writable HOME; unbuffered output keeps reporter lines in order and timely in the log. */
    private static List<EnvVar> env(Map<String, String> userEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", SCRATCH_DIR);
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.putAll(new TreeMap<>(userEnv));
        List<EnvVar> vars = new ArrayList<>();
        env.forEach((name, value) -> vars.add(new EnvVar(name, value, null)));
        return vars;
    }

    private static ResourceRequirements resources(Resources resources) {
        Map<String, Quantity> requests = new TreeMap<>();
        Map<String, Quantity> limits = new TreeMap<>();
        put(requests, "cpu", resources.cpuRequest());
        put(requests, "memory", resources.memoryRequest());
        put(limits, "cpu", resources.cpuLimit());
        put(limits, "memory", resources.memoryLimit());
        return new ResourceRequirements(null, limits.isEmpty() ? null : limits, requests.isEmpty() ? null : requests);
    }

    private static void put(Map<String, Quantity> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, new Quantity(value.trim()));
        }
    }

    private static List<HostAlias> hostAliases(LoadTestSpec spec) {
        return spec.hostAliases().stream()
                .map(alias -> new HostAliasBuilder()
                        .withIp(alias.ip())
                        .withHostnames(alias.hostnames())
                        .build())
                .toList();
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        return new VolumeMountBuilder()
                .withName(name)
                .withMountPath(path)
                .withReadOnly(readOnly ? Boolean.TRUE : null)
                .build();
    }

    private static Volume filesVolume(String configMap, List<KeyToPath> items) {
        return new VolumeBuilder()
                .withName("files")
                .withNewConfigMap()
                .withName(configMap)
                .withItems(items)
                .endConfigMap()
                .build();
    }

    private static Volume scratchVolume() {
        return new VolumeBuilder()
                .withName("scratch")
                .withNewEmptyDir()
                .withSizeLimit(new Quantity("1Gi"))
                .endEmptyDir()
                .build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
