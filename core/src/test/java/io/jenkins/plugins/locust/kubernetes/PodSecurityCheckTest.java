package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodSecurityCheckTest {
    static Stream<RenderCases.Case> cases() {
        return RenderCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldPassTheRestrictedProfileForEveryGoldenCase(RenderCases.Case golden) {
        // when
        KubernetesPlan plan = KubernetesRenderer.render(golden.request().get());

        // then
        assertThat(PodSecurityCheck.check(plan)).isEmpty();
    }

    @Test
    void shouldListEveryRuleAPodWithoutSecuritySettingsBreaks() {
        // given
        PodTemplateSpec pod = new PodTemplateSpecBuilder()
                .withNewSpec()
                .withHostNetwork(true)
                .addNewContainer()
                .withName("app")
                .withImage("busybox:1.36")
                .addNewPort()
                .withContainerPort(80)
                .withHostPort(80)
                .endPort()
                .endContainer()
                .addNewVolume()
                .withName("host")
                .withNewHostPath()
                .withPath("/var/run")
                .endHostPath()
                .endVolume()
                .endSpec()
                .build();

        // when
        var violations = PodSecurityCheck.check(pod);

        // then
        assertThat(violations)
                .extracting(PodSecurityCheck.Violation::field)
                .containsExactlyInAnyOrder(
                        "spec.hostNetwork",
                        "spec.volumes[host].hostPath",
                        "spec.containers[app].securityContext.allowPrivilegeEscalation",
                        "spec.containers[app].securityContext.runAsNonRoot",
                        "spec.containers[app].securityContext.seccompProfile.type",
                        "spec.containers[app].securityContext.capabilities.drop",
                        "spec.containers[app].securityContext.readOnlyRootFilesystem",
                        "spec.containers[app].ports[80].hostPort");
    }

    static Stream<Arguments> badOverlays() {
        return Stream.of(
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    securityContext:\n      privileged: true\n",
                        "spec.containers[locust].securityContext.privileged: true"),
                Arguments.of("spec:\n  securityContext:\n    runAsUser: 0\n", "spec.securityContext.runAsUser: 0"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    securityContext:\n      runAsUser: 0\n",
                        "spec.containers[locust].securityContext.runAsUser: 0"),
                Arguments.of(
                        "spec:\n  securityContext:\n    runAsNonRoot: false\n",
                        "spec.securityContext.runAsNonRoot: false"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    securityContext:\n"
                                + "      readOnlyRootFilesystem: false\n",
                        "spec.containers[locust].securityContext.readOnlyRootFilesystem: false"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    securityContext:\n"
                                + "      allowPrivilegeEscalation: true\n",
                        "spec.containers[locust].securityContext.allowPrivilegeEscalation: true"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    securityContext:\n      capabilities:\n"
                                + "        add: [SYS_ADMIN]\n",
                        "spec.containers[locust].securityContext.capabilities.add: SYS_ADMIN"),
                Arguments.of(
                        "spec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n",
                        "spec.containers[locust].securityContext.seccompProfile.type: Unconfined"),
                Arguments.of("spec:\n  hostPID: true\n", "spec.hostPID: true"),
                Arguments.of(
                        "spec:\n  volumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock\n",
                        "spec.volumes[docker].hostPath: set"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: debug\n    image: busybox:1.36\n    securityContext:\n"
                                + "      privileged: true\n",
                        "spec.containers[debug].securityContext.privileged: true"),
                Arguments.of(
                        "spec:\n  initContainers:\n  - name: setup\n    image: busybox:1.36\n    ports:\n"
                                + "    - containerPort: 9000\n      hostPort: 9000\n",
                        "spec.initContainers[setup].ports[9000].hostPort: 9000"),
                Arguments.of(
                        "spec:\n  securityContext:\n    sysctls:\n    - name: kernel.msgmax\n      value: \"65536\"\n",
                        "spec.securityContext.sysctls: kernel.msgmax"),
                Arguments.of(
                        "metadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/locust:"
                                + " unconfined\n",
                        "metadata.annotations.container.apparmor.security.beta.kubernetes.io/locust: unconfined"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    securityContext:\n      appArmorProfile:\n"
                                + "        type: Unconfined\n",
                        "spec.containers[locust].securityContext.appArmorProfile.type: Unconfined"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    livenessProbe:\n      httpGet:\n"
                                + "        host: 10.0.0.1\n        port: 8089\n",
                        "spec.containers[locust].livenessProbe.httpGet.host: 10.0.0.1"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    lifecycle:\n      preStop:\n        tcpSocket:\n"
                                + "          host: metadata.internal\n          port: 80\n",
                        "spec.containers[locust].lifecycle.preStop.tcpSocket.host: metadata.internal"),
                Arguments.of(
                        "metadata:\n  labels:\n    locust-load-test.jenkins.io/run-id: other\n",
                        "metadata.labels.locust-load-test.jenkins.io/run-id: other"));
    }

    @Test
    void shouldAllowWhatRestrictedAllows() {
        // given an image volume, a safe sysctl of 1.32 and the default AppArmor profile by annotation
        String overlay = "metadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/locust:"
                + " runtime/default\nspec:\n  securityContext:\n    sysctls:\n    - {name: net.ipv4.tcp_rmem, value: 4096"
                + " 87380 6291456}\n  volumes:\n  - name: data\n    image:\n      reference:"
                + " registry.example.com/data:1\n";
        // when
        KubernetesPlan plan = KubernetesRenderer.render(RenderCases.withOverlay(overlay));

        // then
        assertThat(PodSecurityCheck.check(plan)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badOverlays")
    void shouldRefuseOverlaysThatWeakenThePods(String overlay, String expectedField) {
        // when
        List<FieldError> errors = RenderCases.overlayErrors(overlay);

        // then
        assertThat(errors)
                .extracting(FieldError::field, FieldError::value)
                .contains(org.assertj.core.groups.Tuple.tuple("podOverlayYaml", expectedField));
        assertThat(errors).extracting(FieldError::message).allMatch(m -> m.contains("remove"));
    }

    @Test
    void shouldGiveSidecarsOurSecuritySettingsWhenTheySetNone() {
        // given
        String overlay = "spec:\n  containers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.32.0\n";
        var request = RenderCases.request(
                "side-1-abcde",
                RenderCases.spec("locustfile.py").kubernetes(RenderCases.options(overlay, false, null)));

        // when
        KubernetesPlan plan = KubernetesRenderer.render(request);

        // then
        var proxy = plan.workerJob()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(1);
        assertThat(proxy.getName()).isEqualTo("proxy");
        assertThat(proxy.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(proxy.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(proxy.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(PodSecurityCheck.check(plan)).isEmpty();
    }

    @Test
    void shouldNameTheFieldWhenTheOverlayIsNoYaml() {
        // given
        var request = RenderCases.request(
                "yaml-1-abcde",
                RenderCases.spec("locustfile.py").kubernetes(RenderCases.options("spec: [unclosed", false, null)));

        // then
        assertThatThrownBy(() -> KubernetesRenderer.render(request))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("podOverlayYaml")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldNameMisspeltOverlayFieldsInsteadOfIgnoringThem() {
        // given
        String overlay = "spec:\n  toleration:\n  - key: dedicated\n  containers:\n  - name: locust\n"
                + "    resource:\n      limits: {memory: 2Gi}\n    securityContext:\n      runAsUsr: 1001\n";
        var request = RenderCases.request(
                "typo-1-abcde",
                RenderCases.spec("locustfile.py").kubernetes(RenderCases.options(overlay, false, null)));

        // then
        assertThatThrownBy(() -> KubernetesRenderer.render(request))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).getErrors())
                        .extracting(FieldError::value)
                        .containsExactlyInAnyOrder(
                                "spec.toleration",
                                "spec.containers[locust].resource",
                                "spec.containers[locust].securityContext.runAsUsr"))
                .hasMessageContaining("misspelt");
    }
}
