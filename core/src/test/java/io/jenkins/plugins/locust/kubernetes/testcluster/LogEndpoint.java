package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET pods/{name}/log} as the kubelet answers it: {@code container}, {@code follow}, {@code timestamps},
 * {@code sinceTime} (second precision, as the API's timestamps are, so a resumed follow repeats a little),
 * {@code tailLines}. A follow ends when the container stops, when the front cuts it, or after {@code
 * followLifetimeMillis} (real streams end early too).
 */
final class LogEndpoint implements ApiFront.LogServer {
    private final TestKubelet kubelet;
    private volatile long followLifetimeMillis = Long.MAX_VALUE;

    LogEndpoint(TestKubelet kubelet) {
        this.kubelet = kubelet;
    }

    void followLifetime(long millis) {
        this.followLifetimeMillis = millis;
    }

    @Override
    public void serve(ApiCall call, OutputStream out) throws IOException, InterruptedException {
        Map<String, String> query = parse(call.query());
        Pod pod = kubelet.client()
                .pods()
                .inNamespace(call.namespace())
                .withName(call.name())
                .get();
        if (pod == null) {
            ApiFront.writeStatus(out, 404, "NotFound", "pods \"" + call.name() + "\" not found");
            return;
        }
        String container = query.getOrDefault(
                "container", pod.getSpec().getContainers().get(0).getName());
        ContainerLog log = kubelet.existingLog(call.namespace(), call.name(), container);
        if (log == null || log.size() == 0 && !started(pod, container)) {
            ApiFront.writeStatus(
                    out,
                    400,
                    "BadRequest",
                    "container \"" + container + "\" in pod \"" + call.name() + "\" is waiting to start: "
                            + waitingReason(pod, container));
            return;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        boolean timestamps = "true".equals(query.get("timestamps"));
        Instant since = query.containsKey("sinceTime")
                ? OffsetDateTime.parse(query.get("sinceTime")).toInstant().truncatedTo(ChronoUnit.SECONDS)
                : Instant.EPOCH;
        List<ContainerLog.Entry> entries = log.snapshot();
        int from = 0;
        while (from < entries.size() && entries.get(from).time().isBefore(since)) {
            from++;
        }
        if (query.containsKey("tailLines")) {
            from = Math.max(from, entries.size() - Integer.parseInt(query.get("tailLines")));
        }
        int next = write(out, entries.subList(from, entries.size()), timestamps, entries.size());
        if (!"true".equals(query.get("follow"))) {
            return;
        }
        long end = System.currentTimeMillis() + Math.min(followLifetimeMillis, 3_600_000L);
        while (System.currentTimeMillis() < end) {
            List<ContainerLog.Entry> more = log.awaitFrom(next, Math.min(500, end - System.currentTimeMillis()));
            next = write(out, more, timestamps, next + more.size());
            if (more.isEmpty() && log.ended()) {
                return;
            }
        }
    }

    private static int write(OutputStream out, List<ContainerLog.Entry> entries, boolean timestamps, int next)
            throws IOException {
        StringBuilder text = new StringBuilder();
        for (ContainerLog.Entry e : entries) {
            if (timestamps) {
                text.append(e.time()).append(' ');
            }
            text.append(e.text()).append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return next;
    }

    private static boolean started(Pod pod, String container) {
        ContainerStatus status = PodStatuses.container(pod, container);
        return status != null
                && (status.getState().getRunning() != null || status.getState().getTerminated() != null);
    }

    private static String waitingReason(Pod pod, String container) {
        ContainerStatus status = pod.getStatus() == null ? null : PodStatuses.container(pod, container);
        return status == null || status.getState().getWaiting() == null
                ? "ContainerCreating"
                : status.getState().getWaiting().getReason();
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
