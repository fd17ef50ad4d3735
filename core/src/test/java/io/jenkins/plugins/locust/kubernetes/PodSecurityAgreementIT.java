package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Our checks against the real admission: every golden case and every overlay the renderer refuses goes through
 * {@link PodSecurityCheck} / {@link PodFieldCheck} and through a server-side dry run in a namespace that enforces
 * "restricted" (a Pod for Pod Security, which judges pods; a Job for validation), and both must say the same. The
 * plugin's own read-only root filesystem rule is stricter than the standard and left out of the comparison.
 */
class PodSecurityAgreementIT {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start();
        // what the golden cases refer to, so that only Pod Security can refuse them
        cluster.client()
                .serviceAccounts()
                .inNamespace(cluster.namespace())
                .resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName("locust-runner")
                        .endMetadata()
                        .build())
                .create();
        if (cluster.client()
                        .scheduling()
                        .v1()
                        .priorityClasses()
                        .withName("load-test")
                        .get()
                == null) {
            cluster.client()
                    .scheduling()
                    .v1()
                    .priorityClasses()
                    .resource(new io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder()
                            .withNewMetadata()
                            .withName("load-test")
                            .endMetadata()
                            .withValue(1000)
                            .build())
                    .create();
        }
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldAgreeWithThePodSecurityAdmissionOnEveryGoldenCaseAndEveryRefusedOverlay() {
        // given
        List<String> disagreements = new ArrayList<>();
        int judged = 0;
        for (RenderCases.Case golden : RenderCases.all().toList()) {
            KubernetesPlan plan = KubernetesRenderer.render(golden.request().get());
            for (Job job : List.of(plan.masterJob(), plan.workerJob())) {
                judged++;
                compare(
                        golden.name() + " " + job.getMetadata().getName(),
                        job.getSpec().getTemplate(),
                        disagreements);
            }
        }
        for (Arguments overlay : PodSecurityCheckTest.badOverlays().toList()) {
            judged++;
            compare("overlay " + overlay.get()[1], merged((String) overlay.get()[0]), disagreements);
        }

        // then
        System.out.println("Pod Security verdicts compared with the admission: " + judged);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void shouldAgreeWithTheApiServersValidationOnEveryInvalidOverlay() {
        // given
        List<String> disagreements = new ArrayList<>();
        List<Arguments> overlays =
                new ArrayList<>(PodFieldCheckTest.invalidOverlays().toList());
        overlays.add(Arguments.of(RenderCases.overlay(), "the golden overlay"));
        for (Arguments overlay : overlays) {
            PodTemplateSpec pod = merged((String) overlay.get()[0]);
            boolean ours = PodFieldCheck.check(pod).isEmpty();
            String server = serverJob(pod);
            if (ours != (server == null)) {
                disagreements.add(overlay.get()[1] + ": ours " + (ours ? "accepts" : PodFieldCheck.check(pod))
                        + ", the API server " + (server == null ? "accepts" : server));
            }
        }

        // then
        assertThat(disagreements).isEmpty();
    }

    private static PodTemplateSpec merged(String overlay) {
        KubernetesPlan plain = KubernetesRenderer.render(RenderCases.withOverlay(null));
        return PodOverlay.merge(plain.workerJob().getSpec().getTemplate(), overlay);
    }

    private static void compare(String what, PodTemplateSpec pod, List<String> disagreements) {
        List<PodSecurityCheck.Violation> ours = PodSecurityCheck.podSecurityStandards(pod);
        String server = serverPod(pod);
        // this API server also runs without --allow-privileged: its validation refuses privileged pods first
        boolean admissionRefused = server != null
                && (server.contains("violates PodSecurity") || server.contains("disallowed by cluster policy"));
        if (server != null && !admissionRefused) {
            disagreements.add(what + ": refused for another reason than Pod Security: " + server);
        } else if (ours.isEmpty() == admissionRefused) {
            disagreements.add(what + ": ours " + (ours.isEmpty() ? "accepts" : ours.toString()) + ", the admission "
                    + (server == null ? "accepts" : server));
        }
    }

    /** Null when the API server would admit the pod, else its refusal. */
    private static String serverPod(PodTemplateSpec template) {
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withGenerateName("agreement-")
                        .withLabels(template.getMetadata().getLabels())
                        .withAnnotations(template.getMetadata().getAnnotations())
                        .build())
                .withSpec(template.getSpec())
                .build();
        return dryRun(admin -> admin.pods()
                .inNamespace(cluster.namespace())
                .resource(pod)
                .dryRun()
                .create());
    }

    private static String serverJob(PodTemplateSpec template) {
        Job job = new JobBuilder()
                .withNewMetadata()
                .withGenerateName("agreement-")
                .endMetadata()
                .withNewSpec()
                .withTemplate(template)
                .endSpec()
                .build();
        return dryRun(admin -> admin.batch()
                .v1()
                .jobs()
                .inNamespace(cluster.namespace())
                .resource(job)
                .dryRun()
                .create());
    }

    private static String dryRun(java.util.function.Consumer<KubernetesClient> create) {
        try {
            create.accept(cluster.client());
            return null;
        } catch (KubernetesClientException e) {
            return e.getCode() + " "
                    + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage());
        }
    }
}
