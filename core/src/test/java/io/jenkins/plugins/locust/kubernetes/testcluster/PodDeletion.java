package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The kubelet's last word on a pod: {@code DELETE} with grace period 0 and a UID precondition, so that a pod of the
 * same name created meanwhile is never removed. fabric8's client has no preconditions, hence plain HTTP.
 */
final class PodDeletion {
    private PodDeletion() {}

    static void deleteNow(ControlPlane plane, Pod pod) {
        String body = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0,"
                + "\"preconditions\":{\"uid\":\"" + pod.getMetadata().getUid() + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(plane.url() + "/api/v1/namespaces/"
                        + encode(pod.getMetadata().getNamespace()) + "/pods/"
                        + encode(pod.getMetadata().getName())))
                .header("Authorization", "Bearer " + plane.adminToken())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            // 404 (gone already) and 409 (another pod of that name now) both mean: nothing left to delete
            plane.http().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the control plane is stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
