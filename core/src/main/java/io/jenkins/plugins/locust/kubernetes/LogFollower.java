package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import io.jenkins.plugins.locust.reporter.ReporterEvents;
import io.jenkins.plugins.locust.run.BackendEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Follows one container's log into {@link BackendEvents#line}. Real log streams end early (proxies, kubelet
 * restarts, API server timeouts): when the stream ends while the container still runs, it reconnects from the last
 * line's stamp and skips what it had already passed on. It ends once the container has terminated and the stream
 * has delivered everything, or when closed. A follower of a re-attached run reads the log from its start again.
 */
final class LogFollower implements Runnable {
    private static final long MAX_BACKOFF_MILLIS = 2000;
    private static final String API_STATUS = "{\"kind\":\"Status\"";

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final String container;
    private final String source;
    private final BackendEvents events;
    private final BooleanSupplier containerEnded;
    private final Instant replayedBefore;
    private final LogResume resume = new LogResume();
    private volatile LogWatch watch;
    private volatile boolean closed;
    private volatile int reconnects;

    LogFollower(
            KubernetesClient client,
            String namespace,
            String pod,
            String container,
            String source,
            BackendEvents events,
            BooleanSupplier containerEnded,
            Instant replayedBefore) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
        this.source = source;
        this.events = events;
        this.containerEnded = containerEnded;
        this.replayedBefore = replayedBefore;
    }

    @Override
    public void run() {
        long backoff = 100;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            boolean endedBefore = containerEnded.getAsBoolean();
            try {
                readOnce();
                backoff = 100;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return; // the pod is gone, and its log with it
                }
            } catch (IOException e) {
                // the stream broke: resume below
            }
            // A stream that began after the container ended has delivered everything there was.
            if (closed || endedBefore) {
                return;
            }
            reconnects++;
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    private void readOnce() throws IOException {
        resume.reconnected();
        String since = resume.sinceTime();
        TimeTailPrettyLoggable logs = client.pods()
                .inNamespace(namespace)
                .withName(pod)
                .inContainer(container)
                .usingTimestamps();
        LogWatch opened =
                since == null ? logs.watchLog() : logs.sinceTime(since).watchLog();
        watch = opened;
        try (opened;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(opened.getOutput(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !closed; line = in.readLine()) {
                if (line.startsWith(API_STATUS)) {
                    // the API server answered with an error instead of the log (e.g. the pod is gone)
                    throw new KubernetesClientException(line, line.contains("\"code\":404") ? 404 : 500, null);
                }
                String raw = line;
                resume.accept(raw).filter(text -> passOn(raw, text)).ifPresent(text -> events.line(source, text));
            }
        }
    }

    /**
     * Everything, except when re-attached: lines stamped before then were printed by the process that started the
     * run, so only the reporter's events among them go on (to rebuild the result).
     */
    private boolean passOn(String raw, String text) {
        if (replayedBefore == null || text.contains(ReporterEvents.PREFIX)) {
            return true;
        }
        Instant time = LogResume.parse(raw).time();
        return time == null || !time.isBefore(replayedBefore);
    }

    /** How often the stream had to be resumed. */
    int reconnects() {
        return reconnects;
    }

    void close() {
        closed = true;
        LogWatch current = watch;
        if (current != null) {
            current.close();
        }
    }
}
