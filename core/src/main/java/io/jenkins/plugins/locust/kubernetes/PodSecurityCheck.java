package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a pod template against the <b>restricted</b> Pod Security Standard (which includes the baseline one), as
 * the Kubernetes docs list its controls, plus this plugin's own rule that containers keep a read-only root
 * filesystem. The renderer runs it on every pod it produces, so a pod overlay cannot weaken the pods silently.
 */
public final class PodSecurityCheck {
    /** One broken rule: the field (with container names), its value, and the rule it breaks. */
    public record Violation(String field, String value, String rule) {
        @Override
        public String toString() {
            return field + " = " + value + " (" + rule + ")";
        }
    }

    static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of(
            "configMap",
            "csi",
            "downwardAPI",
            "emptyDir",
            "ephemeral",
            "image",
            "persistentVolumeClaim",
            "projected",
            "secret");
    /** The deprecated per-container AppArmor annotation, still judged by the admission. */
    static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    static final Set<String> SAFE_SYSCTLS = Set.of(
            "kernel.shm_rmid_forced",
            "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.tcp_syncookies",
            "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports",
            "net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl",
            "net.ipv4.tcp_keepalive_probes",
            "net.ipv4.tcp_rmem",
            "net.ipv4.tcp_wmem");
    static final Set<String> SELINUX_TYPES =
            Set.of("container_t", "container_init_t", "container_kvm_t", "container_engine_t");

    /** Rules of this plugin, stricter than the standard. */
    static final String OWN_RULE = "locust-load-test:";

    private final List<Violation> violations = new ArrayList<>();

    private PodSecurityCheck() {}

    /** Every violation in the pod template; empty when it passes. */
    public static List<Violation> check(PodTemplateSpec pod) {
        PodSecurityCheck check = new PodSecurityCheck();
        if (pod.getMetadata() != null && pod.getMetadata().getAnnotations() != null) {
            check.annotations(pod.getMetadata().getAnnotations());
        }
        check.pod(pod.getSpec() == null ? new PodSpec() : pod.getSpec());
        return List.copyOf(check.violations);
    }

    /** Only the controls of the Pod Security Standards: what the admission itself refuses. */
    static List<Violation> podSecurityStandards(PodTemplateSpec pod) {
        return check(pod).stream().filter(v -> !v.rule().startsWith(OWN_RULE)).toList();
    }

    private void annotations(Map<String, String> annotations) {
        annotations.forEach((key, value) -> {
            if (key.startsWith(APPARMOR_ANNOTATION)
                    && !value.isEmpty()
                    && !"runtime/default".equals(value)
                    && !value.startsWith("localhost/")) {
                violations.add(new Violation(
                        "metadata.annotations." + key,
                        value,
                        "baseline: AppArmor profile runtime/default or localhost/*"));
            }
        });
    }

    /** The violations of both pods of a plan, the field paths prefixed with the Job name. */
    public static List<Violation> check(KubernetesPlan plan) {
        return Stream.of(plan.masterJob(), plan.workerJob())
                .flatMap(job -> check(job.getSpec().getTemplate()).stream()
                        .map(v -> new Violation(job.getMetadata().getName() + ": " + v.field(), v.value(), v.rule())))
                .toList();
    }

    private void pod(PodSpec spec) {
        flagTrue("spec.hostNetwork", spec.getHostNetwork(), "baseline: host namespaces");
        flagTrue("spec.hostPID", spec.getHostPID(), "baseline: host namespaces");
        flagTrue("spec.hostIPC", spec.getHostIPC(), "baseline: host namespaces");
        PodSecurityContext podContext =
                spec.getSecurityContext() == null ? new PodSecurityContext() : spec.getSecurityContext();
        podContext(podContext);
        volumes(spec.getVolumes() == null ? List.of() : spec.getVolumes());
        for (Container container : list(spec.getInitContainers())) {
            container("spec.initContainers[" + container.getName() + "]", container, podContext);
        }
        for (Container container : list(spec.getContainers())) {
            container("spec.containers[" + container.getName() + "]", container, podContext);
        }
        for (var ephemeral : list(spec.getEphemeralContainers())) {
            Container container = ManifestYaml.SERIALIZATION.convertValue(ephemeral, Container.class);
            container("spec.ephemeralContainers[" + container.getName() + "]", container, podContext);
        }
        if (list(spec.getContainers()).isEmpty()) {
            violations.add(new Violation("spec.containers", "[]", "a pod needs a container"));
        }
    }

    private void podContext(PodSecurityContext context) {
        String path = "spec.securityContext";
        if (context.getWindowsOptions() != null) {
            flagTrue(
                    path + ".windowsOptions.hostProcess",
                    context.getWindowsOptions().getHostProcess(),
                    "baseline: HostProcess");
        }
        if (Objects.equals(context.getRunAsNonRoot(), Boolean.FALSE)) {
            violations.add(new Violation(path + ".runAsNonRoot", "false", "restricted: running as non-root"));
        }
        rootUser(path + ".runAsUser", context.getRunAsUser());
        if (context.getSeccompProfile() != null) {
            seccomp(path + ".seccompProfile.type", context.getSeccompProfile().getType());
        }
        if (context.getAppArmorProfile() != null) {
            appArmor(
                    path + ".appArmorProfile.type", context.getAppArmorProfile().getType());
        }
        if (context.getSeLinuxOptions() != null) {
            seLinux(path + ".seLinuxOptions", context.getSeLinuxOptions());
        }
        for (var sysctl : list(context.getSysctls())) {
            if (!SAFE_SYSCTLS.contains(sysctl.getName())) {
                violations.add(new Violation(path + ".sysctls", sysctl.getName(), "baseline: only safe sysctls"));
            }
        }
    }

    private void container(String path, Container container, PodSecurityContext pod) {
        SecurityContext context =
                container.getSecurityContext() == null ? new SecurityContext() : container.getSecurityContext();
        String sc = path + ".securityContext";
        flagTrue(sc + ".privileged", context.getPrivileged(), "baseline: privileged containers");
        if (context.getWindowsOptions() != null) {
            flagTrue(
                    sc + ".windowsOptions.hostProcess",
                    context.getWindowsOptions().getHostProcess(),
                    "baseline: HostProcess");
        }
        if (!Objects.equals(context.getAllowPrivilegeEscalation(), Boolean.FALSE)) {
            violations.add(new Violation(
                    sc + ".allowPrivilegeEscalation",
                    String.valueOf(context.getAllowPrivilegeEscalation()),
                    "restricted: privilege escalation must be false"));
        }
        Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : pod.getRunAsNonRoot();
        if (!Objects.equals(nonRoot, Boolean.TRUE)) {
            violations.add(new Violation(
                    sc + ".runAsNonRoot",
                    String.valueOf(nonRoot),
                    "restricted: running as non-root (set on the pod or the container)"));
        }
        rootUser(sc + ".runAsUser", context.getRunAsUser());
        String seccomp = context.getSeccompProfile() != null
                ? context.getSeccompProfile().getType()
                : null;
        String podSeccomp =
                pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        seccomp(sc + ".seccompProfile.type", seccomp != null ? seccomp : podSeccomp);
        if (context.getAppArmorProfile() != null) {
            appArmor(sc + ".appArmorProfile.type", context.getAppArmorProfile().getType());
        }
        if (context.getSeLinuxOptions() != null) {
            seLinux(sc + ".seLinuxOptions", context.getSeLinuxOptions());
        }
        if (context.getProcMount() != null && !"Default".equals(context.getProcMount())) {
            violations.add(new Violation(
                    sc + ".procMount", context.getProcMount(), "baseline: /proc mount type must be Default"));
        }
        capabilities(sc + ".capabilities", context.getCapabilities());
        if (!Objects.equals(context.getReadOnlyRootFilesystem(), Boolean.TRUE)) {
            violations.add(new Violation(
                    sc + ".readOnlyRootFilesystem",
                    String.valueOf(context.getReadOnlyRootFilesystem()),
                    OWN_RULE + " read-only root filesystem (scratch goes to the /tmp emptyDir)"));
        }
        hostProbe(path + ".livenessProbe", container.getLivenessProbe());
        hostProbe(path + ".readinessProbe", container.getReadinessProbe());
        hostProbe(path + ".startupProbe", container.getStartupProbe());
        if (container.getLifecycle() != null) {
            hostHandler(path + ".lifecycle.postStart", container.getLifecycle().getPostStart());
            hostHandler(path + ".lifecycle.preStop", container.getLifecycle().getPreStop());
        }
        for (var port : list(container.getPorts())) {
            if (port.getHostPort() != null && port.getHostPort() != 0) {
                violations.add(new Violation(
                        path + ".ports[" + port.getContainerPort() + "].hostPort",
                        String.valueOf(port.getHostPort()),
                        "baseline: host ports"));
            }
        }
    }

    private void hostProbe(String path, Probe probe) {
        if (probe != null) {
            host(
                    path + ".httpGet.host",
                    probe.getHttpGet() == null ? null : probe.getHttpGet().getHost());
            host(
                    path + ".tcpSocket.host",
                    probe.getTcpSocket() == null ? null : probe.getTcpSocket().getHost());
        }
    }

    private void hostHandler(String path, LifecycleHandler handler) {
        if (handler != null) {
            host(
                    path + ".httpGet.host",
                    handler.getHttpGet() == null ? null : handler.getHttpGet().getHost());
            host(
                    path + ".tcpSocket.host",
                    handler.getTcpSocket() == null
                            ? null
                            : handler.getTcpSocket().getHost());
        }
    }

    private void host(String path, String host) {
        if (host != null && !host.isEmpty()) {
            violations.add(new Violation(path, host, "baseline: probes and lifecycle hooks may not name a host"));
        }
    }

    private void capabilities(String path, Capabilities capabilities) {
        List<String> drop = capabilities == null ? List.of() : list(capabilities.getDrop());
        if (!drop.contains("ALL")) {
            violations.add(
                    new Violation(path + ".drop", String.valueOf(drop), "restricted: capabilities must drop ALL"));
        }
        for (String added : capabilities == null ? List.<String>of() : list(capabilities.getAdd())) {
            if (!"NET_BIND_SERVICE".equals(added)) {
                violations.add(new Violation(path + ".add", added, "restricted: only NET_BIND_SERVICE may be added"));
            }
        }
    }

    private void volumes(List<Volume> volumes) {
        for (Volume volume : volumes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = ManifestYaml.SERIALIZATION.convertValue(volume, Map.class);
            for (String type : fields.keySet()) {
                if (!"name".equals(type) && !RESTRICTED_VOLUME_TYPES.contains(type)) {
                    violations.add(new Violation(
                            "spec.volumes[" + volume.getName() + "]." + type,
                            "set",
                            "hostPath".equals(type)
                                    ? "baseline: hostPath volumes"
                                    : "restricted: volume types (configMap, csi, downwardAPI, emptyDir,"
                                            + " ephemeral, image, persistentVolumeClaim, projected, secret)"));
                }
            }
        }
    }

    private void seccomp(String path, String type) {
        if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            violations.add(new Violation(
                    path, String.valueOf(type), "restricted: seccomp profile RuntimeDefault or Localhost"));
        }
    }

    private void appArmor(String path, String type) {
        if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            violations.add(new Violation(path, type, "baseline: AppArmor profile RuntimeDefault or Localhost"));
        }
    }

    private void seLinux(String path, io.fabric8.kubernetes.api.model.SELinuxOptions options) {
        if (options.getType() != null && !options.getType().isEmpty() && !SELINUX_TYPES.contains(options.getType())) {
            violations.add(new Violation(path + ".type", options.getType(), "baseline: SELinux type"));
        }
        if (options.getUser() != null && !options.getUser().isEmpty()) {
            violations.add(new Violation(path + ".user", options.getUser(), "baseline: SELinux user must be unset"));
        }
        if (options.getRole() != null && !options.getRole().isEmpty()) {
            violations.add(new Violation(path + ".role", options.getRole(), "baseline: SELinux role must be unset"));
        }
    }

    private void rootUser(String path, Long uid) {
        if (uid != null && uid == 0L) {
            violations.add(new Violation(path, "0", "restricted: running as non-root user"));
        }
    }

    private void flagTrue(String path, Boolean value, String rule) {
        if (Boolean.TRUE.equals(value)) {
            violations.add(new Violation(path, "true", rule));
        }
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
