package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns an API error into a sentence a user can act on. */
final class KubernetesErrors {
    private KubernetesErrors() {}

    static String describe(KubernetesClientException e, String action, String namespace) {
        String what = "Kubernetes refused to " + action + " in namespace " + namespace;
        String detail = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : e.getMessage();
        return switch (e.getCode()) {
            case 401 -> what + ": the credentials were not accepted (401). Renew the token or kubeconfig.";
            case 403 ->
                what + " (403 Forbidden: " + detail + "). Grant the service account the Role in"
                        + " docs/rbac.yaml in that namespace.";
            case 404 -> what + " (404: " + detail + "). Check that the namespace exists.";
            case 409 ->
                what + " (409 Conflict: " + detail + "). An object of this run already exists; run"
                        + " 'loadtest sweep' or delete it.";
            case 422 -> what + " (422 Invalid: " + detail + "). Check the pod overlay and resource settings.";
            case 0 ->
                what + ": the API server could not be reached (" + detail + "). Check the server URL and"
                        + " the network between this machine and the cluster.";
            default ->
                what + " (HTTP " + e.getCode() + ": " + detail + "). The API server failed; try again, and"
                        + " check the cluster's health if it persists.";
        };
    }
}
