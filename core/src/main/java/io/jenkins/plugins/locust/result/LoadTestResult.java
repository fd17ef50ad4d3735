package io.jenkins.plugins.locust.result;

import java.util.List;
import java.util.Optional;

/**
 * The complete result of one run, built from the reporter's events and stored as {@code result.json} (its
 * schema is versioned by {@link #SCHEMA_VERSION}). Only a summary of it is ever kept in Jenkins' build.xml.
 *
 * @param warnings things the user must know that are not threshold breaches (a worker lost mid-run, CPU above 90 %)
 * @param load the load Locust really ran, for the guard rails; null in results of earlier versions
 */
public record LoadTestResult(
        int schemaVersion,
        RunInfo run,
        EndpointStats aggregated,
        List<EndpointStats> endpoints,
        List<Snapshot> timeline,
        List<FailureEntry> failures,
        List<ExceptionEntry> exceptions,
        List<WorkerInfo> workers,
        Timings timings,
        List<String> warnings,
        LoadRan load) {

    public static final int SCHEMA_VERSION = 1;

    public LoadTestResult {
        endpoints = copy(endpoints, "endpoints");
        timeline = copy(timeline, "timeline");
        failures = copy(failures, "failures");
        exceptions = copy(exceptions, "exceptions");
        workers = copy(workers, "workers");
        warnings = copy(warnings, "warnings");
    }

    /** A list that a hand-edited result.json may lack: the message names it (see {@link ResultJson}). */
    static <T> List<T> copy(List<T> list, String field) {
        if (list == null) {
            throw new IllegalArgumentException(field + " is missing or null (write [] for none)");
        }
        return list.stream().toList();
    }

    /** A result without the facts of {@link LoadRan} (as results of earlier versions are read). */
    public LoadTestResult(
            int schemaVersion,
            RunInfo run,
            EndpointStats aggregated,
            List<EndpointStats> endpoints,
            List<Snapshot> timeline,
            List<FailureEntry> failures,
            List<ExceptionEntry> exceptions,
            List<WorkerInfo> workers,
            Timings timings,
            List<String> warnings) {
        this(
                schemaVersion,
                run,
                aggregated,
                endpoints,
                timeline,
                failures,
                exceptions,
                workers,
                timings,
                warnings,
                null);
    }

    /** Exceptions raised in user code, all kinds together. */
    public long exceptionCount() {
        return exceptions.stream().mapToLong(ExceptionEntry::count).sum();
    }

    /** The endpoint with this key ("GET /api/cart" or a bare name), if any request was made to it. */
    public Optional<EndpointStats> endpoint(String key) {
        return endpoints.stream()
                .filter(e -> e.key().equals(key) || e.name().equals(key))
                .findFirst();
    }
}
