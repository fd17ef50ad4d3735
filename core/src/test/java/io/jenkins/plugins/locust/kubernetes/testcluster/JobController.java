package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Job controller: creates a Job's pods (parallelism, completions), replaces failed ones until backoffLimit, and
 * keeps the Job's status (active, succeeded, failed, Complete/Failed conditions, DeadlineExceeded).
 */
final class JobController {
    static final String FINALIZER = "testcluster.local/kubelet";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final class JobState {
        final Job job;
        final Set<String> active = new HashSet<>();
        int succeeded;
        int failed;
        boolean done;

        JobState(Job job) {
            this.job = job;
        }
    }

    private final TestKubelet kubelet;
    private final Map<String, JobState> jobs = new HashMap<>();

    JobController(TestKubelet kubelet) {
        this.kubelet = kubelet;
    }

    synchronized void jobAdded(Job job) {
        if (jobs.containsKey(job.getMetadata().getUid())) {
            return;
        }
        JobState state = new JobState(job);
        jobs.put(job.getMetadata().getUid(), state);
        for (int i = 0; i < Math.min(parallelism(job), completions(job)); i++) {
            createPod(state);
        }
        Long deadline = job.getSpec().getActiveDeadlineSeconds();
        if (deadline != null) {
            kubelet.later(
                    deadline * 1000, () -> deadlineExceeded(job.getMetadata().getUid()));
        }
        writeStatus(state, null);
    }

    synchronized void jobDeleted(Job job) {
        jobs.remove(job.getMetadata().getUid());
    }

    synchronized void podFinished(Pod pod, boolean succeeded) {
        JobState state = stateOf(pod);
        if (state == null || !state.active.remove(pod.getMetadata().getName())) {
            return;
        }
        if (succeeded) {
            state.succeeded++;
        } else {
            state.failed++;
        }
        progress(state);
    }

    /** A pod that disappeared while active counts as failed, as with Kubernetes' pod-tracking finalizers. */
    synchronized void podDeleted(Pod pod) {
        podFinished(pod, false);
    }

    private void progress(JobState state) {
        Job job = state.job;
        int backoffLimit =
                job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
        if (state.done) {
            return;
        }
        if (state.failed > backoffLimit) {
            finish(state, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        } else if (state.succeeded >= completions(job)) {
            finish(state, "Complete", null, null);
        } else {
            while (state.active.size() < Math.min(parallelism(job), completions(job) - state.succeeded)) {
                createPod(state);
            }
            writeStatus(state, null);
        }
    }

    private synchronized void deadlineExceeded(String uid) {
        JobState state = jobs.get(uid);
        if (state != null && !state.done) {
            finish(state, "Failed", "DeadlineExceeded", "Job was active longer than specified deadline");
        }
    }

    private void finish(JobState state, String type, String reason, String message) {
        state.done = true;
        JobCondition condition = new JobConditionBuilder()
                .withType(type)
                .withStatus("True")
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(PodStatuses.now())
                .build();
        for (String pod : List.copyOf(state.active)) {
            kubelet.deletePod(state.job.getMetadata().getNamespace(), pod);
        }
        state.failed += "Failed".equals(type) ? state.active.size() : 0;
        state.active.clear();
        writeStatus(state, condition);
    }

    private void writeStatus(JobState state, JobCondition condition) {
        Job job = state.job;
        kubelet.client()
                .batch()
                .v1()
                .jobs()
                .inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName())
                .editStatus(j -> {
                    if (j.getStatus() == null) {
                        j.setStatus(new JobStatus());
                    }
                    j.getStatus().setActive(state.active.size());
                    j.getStatus().setSucceeded(state.succeeded);
                    j.getStatus().setFailed(state.failed);
                    if (j.getStatus().getStartTime() == null) {
                        j.getStatus().setStartTime(PodStatuses.now());
                    }
                    if (condition != null) {
                        j.getStatus().getConditions().add(condition);
                        j.getStatus().setCompletionTime(PodStatuses.now());
                    }
                    return j;
                });
    }

    private void createPod(JobState state) {
        Job job = state.job;
        String name = job.getMetadata().getName() + "-" + suffix();
        OwnerReference owner = new OwnerReferenceBuilder()
                .withApiVersion("batch/v1")
                .withKind("Job")
                .withName(job.getMetadata().getName())
                .withUid(job.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
        Map<String, String> labels = new HashMap<>();
        if (job.getSpec().getTemplate().getMetadata() != null
                && job.getSpec().getTemplate().getMetadata().getLabels() != null) {
            labels.putAll(job.getSpec().getTemplate().getMetadata().getLabels());
        }
        labels.put("job-name", job.getMetadata().getName());
        labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
        labels.put("controller-uid", job.getMetadata().getUid());
        labels.put("batch.kubernetes.io/controller-uid", job.getMetadata().getUid());
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(job.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(
                        job.getSpec().getTemplate().getMetadata() == null
                                ? null
                                : job.getSpec().getTemplate().getMetadata().getAnnotations())
                .withOwnerReferences(owner)
                .withFinalizers(FINALIZER)
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
        state.active.add(name);
        kubelet.podCreated(pod);
    }

    private JobState stateOf(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners == null || owners.isEmpty()
                ? null
                : jobs.get(owners.get(0).getUid());
    }

    private static int parallelism(Job job) {
        return job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
    }

    private static int completions(Job job) {
        return job.getSpec().getCompletions() == null
                ? parallelism(job)
                : job.getSpec().getCompletions();
    }

    private static String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
