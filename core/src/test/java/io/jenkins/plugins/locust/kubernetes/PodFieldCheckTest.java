package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.spec.FieldError;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodFieldCheckTest {
    /** Overlays the API server refuses with a 422 when the Job is created, and the field we name instead. */
    static Stream<Arguments> invalidOverlays() {
        return Stream.of(
                Arguments.of("spec:\n  nodeSelector:\n    pool name: load\n", "spec.nodeSelector: pool name=load"),
                Arguments.of("spec:\n  nodeSelector:\n    pool: big pool\n", "spec.nodeSelector: pool=big pool"),
                Arguments.of("metadata:\n  labels:\n    team/: perf\n", "metadata.labels: team/=perf"),
                Arguments.of(
                        "spec:\n  tolerations:\n  - {key: dedicated, operator: Equals, value: load}\n",
                        "spec.tolerations[0].operator: Equals"),
                Arguments.of(
                        "spec:\n  tolerations:\n  - {key: dedicated, operator: Exists, effect: NoSchedul}\n",
                        "spec.tolerations[0].effect: NoSchedul"),
                Arguments.of(
                        "spec:\n  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                                + "        nodeSelectorTerms:\n        - matchExpressions:\n"
                                + "          - {key: pool, operator: in, values: [load]}\n",
                        "spec.affinity.nodeAffinity.required…nodeSelectorTerms[0].matchExpressions[pool].operator:"
                                + " in"),
                Arguments.of(
                        "spec:\n  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                                + "        nodeSelectorTerms:\n        - matchExpressions:\n"
                                + "          - {key: pool, operator: In}\n",
                        "spec.affinity.nodeAffinity.required…nodeSelectorTerms[0].matchExpressions[pool].values: []"),
                Arguments.of(
                        "spec:\n  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone,"
                                + " whenUnsatisfiable: ScheduleAnyWay}\n",
                        "spec.topologySpreadConstraints[0].whenUnsatisfiable: ScheduleAnyWay"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    imagePullPolicy: IfNotPresnt\n",
                        "spec.containers[locust].imagePullPolicy: IfNotPresnt"),
                Arguments.of(
                        "spec:\n  containers:\n  - name: locust\n    resources:\n      limits: {cpu: 250m}\n",
                        "spec.containers[locust].resources.requests.cpu: 500m"),
                Arguments.of("spec:\n  restartPolicy: Always\n", "spec.restartPolicy: Always"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidOverlays")
    void shouldNameTheFieldTheApiServerWouldRefuseBeforeAnythingIsCreated(String overlay, String expected) {
        assertThat(RenderCases.overlayErrors(overlay))
                .extracting(FieldError::field, FieldError::value)
                .contains(Tuple.tuple("podOverlayYaml", expected));
    }
}
