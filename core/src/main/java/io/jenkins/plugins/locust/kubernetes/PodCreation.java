package io.jenkins.plugins.locust.kubernetes;

import java.util.Locale;

/**
 * What to do when the Job controller cannot create a run's pods, by the message of its {@code FailedCreate} event
 * (the API server's answer to the pod create it tried: admission, quota, LimitRange, a missing service account).
 */
final class PodCreation {
    private PodCreation() {}

    static String hint(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("violates podsecurity")) {
            return "The namespace's Pod Security admission refused the pods. The rendered pods pass \"restricted\":"
                    + " compare them ('loadtest render') with what a mutating webhook or policy made of them.";
        }
        if (m.contains("security context constraint")) {
            return "OpenShift's security context constraints refused the pods (they run as uid 1000 with fsGroup"
                    + " 1000): grant the pods' service account an SCC that allows it, e.g. nonroot-v2.";
        }
        if (m.contains("must specify")) {
            return "A ResourceQuota of the namespace requires these settings on every pod: set them in"
                    + " masterResources and workerResources (e.g. a CPU limit).";
        }
        if (m.contains("exceeded quota")) {
            return "The namespace's ResourceQuota has no room for them: lower the requests (masterResources,"
                    + " workerResources) or slaves, let other runs end, or raise the quota ('kubectl describe"
                    + " resourcequota').";
        }
        if (m.contains("limitrange") || m.contains("maximum") || m.contains("minimum")) {
            return "A LimitRange of the namespace does not allow these requests or limits: fit masterResources and"
                    + " workerResources into it ('kubectl describe limitrange').";
        }
        if (m.contains("serviceaccount") && m.contains("not found")) {
            return "The service account does not exist in the namespace: create it, or fix serviceAccount.";
        }
        return "Check the namespace's admission policies and 'kubectl describe job' for the details.";
    }
}
