package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The load test's own fields as options, shared by {@code run} and {@code validate}. They map one to one onto
 * {@link LoadTestSpecBuilder}; an option left out keeps the builder's default, so defaults live in one place.
 */
final class SpecOptions {
    @Parameters(
            index = "0",
            paramLabel = "SCRIPT",
            description = "The locustfile, or a folder holding it and its helper modules (see --locustfile).")
    String script;

    @Option(
            names = "--locustfile",
            paramLabel = "FILE",
            description = "Entry file inside a folder SCRIPT (default: locustfile.py).")
    String locustfile;

    @Option(
            names = {"-u", "--users"},
            paramLabel = "N",
            description = "Simulated users at peak (default: 10).")
    Integer users;

    @Option(
            names = {"-s", "--slaves", "--workers"},
            paramLabel = "N",
            description = "Locust workers (processes locally, pods on Kubernetes; default: 1).")
    Integer slaves;

    @Option(
            names = {"-r", "--spawn-rate"},
            paramLabel = "R",
            description = "Users started per second (default: a tenth of the users, at least 1).")
    Double spawnRate;

    @Option(
            names = {"-t", "--run-time"},
            paramLabel = "DURATION",
            description = "How long the test runs, e.g. 30s, 5m, 1h30m (default: 1m; not with --stage).")
    String runTime;

    @Option(
            names = {"-H", "--host"},
            paramLabel = "URL",
            description = "Base URL of the system under test, e.g. https://staging.example.com.")
    String host;

    @Option(
            names = "--threshold",
            paramLabel = "EXPR",
            description = "A pass/fail rule, repeatable, e.g. 'p95 < 800ms', 'fail_ratio < 1%%',"
                    + " 'GET /api/cart: p99 < 1s'. See docs/thresholds.md.")
    List<String> thresholds = new ArrayList<>();

    @Option(
            names = "--stage",
            paramLabel = "DURATION:USERS[:RATE]",
            description = "A load stage, repeatable, e.g. --stage 1m:50:5 --stage 3m:200:20 (replaces --run-time).")
    List<String> stages = new ArrayList<>();

    @Option(
            names = {"-e", "--env"},
            paramLabel = "NAME=VALUE",
            description = "Environment variable for the locustfile, repeatable; the value is taken as written.")
    // NAME=VALUE split here at the first '=', not by picocli's map option: that one warns about (and mangles
    // nothing in) values with quotes, which are common in tokens and JSON.
    List<String> env = new ArrayList<>();

    @Option(
            names = "--locust-arg",
            paramLabel = "ARG",
            description = "Extra Locust argument, repeatable, e.g. --locust-arg=--loglevel=DEBUG. Flags the tool"
                    + " sets itself (--users, --headless, --master…) are refused with the option to use instead.")
    List<String> locustArgs = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Run only tasks with this @tag, repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--exclude-tag", paramLabel = "TAG", description = "Skip tasks with this @tag, repeatable.")
    List<String> excludeTags = new ArrayList<>();

    @Option(
            names = "--processes",
            paramLabel = "N",
            description = "Locust processes per worker (Locust >= 2.19; default: one per whole --worker-cpu for such"
                    + " images, else 1); the master waits for slaves x processes.")
    Integer processes;

    @Option(
            names = "--host-alias",
            paramLabel = "IP=NAME[,NAME]",
            description = "An /etc/hosts entry for the Locust pods, repeatable (Kubernetes backend).")
    List<String> hostAliases = new ArrayList<>();

    @Option(
            names = "--start-timeout",
            paramLabel = "DURATION",
            description = "How long to wait for all workers to connect before failing (default: 5m).")
    String startTimeout;

    @Option(
            names = "--stop-timeout",
            paramLabel = "DURATION",
            description = "How long users may finish their current task at the end (default: 10s).")
    String stopTimeout;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description =
                    "Locust image for the pods, pinned to a version (default: " + LoadTestSpec.DEFAULT_IMAGE + ").")
    String image;

    @Mixin
    KubernetesCliOptions kubernetes = new KubernetesCliOptions();

    /** The builder holding exactly what was given on the command line. */
    LoadTestSpecBuilder toBuilder() {
        LoadTestSpecBuilder builder = LoadTestSpec.builder()
                .script(script)
                .locustfile(locustfile)
                .users(users)
                .slaves(slaves)
                .spawnRate(spawnRate)
                .runTime(runTime)
                .host(host)
                .thresholds(thresholds)
                .processes(processes);
        stages.forEach(builder::stage);
        for (String entry : env) {
            int equals = entry.indexOf('=');
            builder.env(
                    equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? null : entry.substring(equals + 1));
        }
        locustArgs.forEach(builder::locustArg);
        tags.forEach(builder::tag);
        excludeTags.forEach(builder::excludeTag);
        hostAliases.forEach(builder::hostAlias);
        if (startTimeout != null) {
            builder.startTimeout(startTimeout);
        }
        if (stopTimeout != null) {
            builder.stopTimeout(stopTimeout);
        }
        if (image != null) {
            builder.image(image);
        }
        kubernetes.applyTo(builder);
        return builder;
    }
}
