package io.jenkins.plugins.locust.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects raw input as users type it (durations as {@code "5m"}, URLs as text) from the step, the CLI or a test,
 * and turns it into a {@link LoadTestSpec} in one validated step. Defaults live here and nowhere else.
 */
public final class LoadTestSpecBuilder {
    static final int DEFAULT_USERS = 10;
    static final int DEFAULT_SLAVES = 1;
    /** Used when neither a run time nor stages are given. */
    static final String DEFAULT_RUN_TIME = "1m";

    /**
     * The longest a run driven by the locustfile's own load shape may take when no runTime bounds it: Locust ignores
     * its run time next to a shape, and a shape that never returns None would run for ever.
     */
    static final String DEFAULT_SHAPE_LIMIT = "1h";

    String script;
    String locustfile;
    /** Null: {@link #DEFAULT_USERS}, or none when the locustfile's load shape sets them. */
    Integer users;

    Integer slaves = DEFAULT_SLAVES;
    Double spawnRate;
    /**
     * Null: {@link #DEFAULT_RUN_TIME}, the stages' total when stages are given, or {@link #DEFAULT_SHAPE_LIMIT} when
     * the locustfile's load shape drives the run (a runTime then bounds the shape).
     */
    String runTime;

    String host;
    final List<String> thresholds = new ArrayList<>();
    final List<String> stages = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final List<String> locustArgs = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<String> excludeTags = new ArrayList<>();
    String image = LoadTestSpec.DEFAULT_IMAGE;
    Resources masterResources = Resources.MASTER_DEFAULT;
    Resources workerResources = Resources.WORKER_DEFAULT;
    /** Null: sized from the worker CPU request by {@link ProcessSizing}. */
    Integer processes;

    final List<String> hostAliases = new ArrayList<>();
    String startTimeout = "5m";
    String stopTimeout = "10s";
    KubernetesOptions kubernetes = KubernetesOptions.DEFAULT;
    Path workspace;

    LoadTestSpecBuilder() {}

    /** Relative script paths resolve against this folder (the Jenkins workspace, or the CLI's working folder). */
    public LoadTestSpecBuilder workspace(Path workspace) {
        this.workspace = workspace;
        return this;
    }

    public LoadTestSpecBuilder script(String script) {
        this.script = script;
        return this;
    }

    public LoadTestSpecBuilder locustfile(String locustfile) {
        this.locustfile = locustfile;
        return this;
    }

    public LoadTestSpecBuilder users(Integer users) {
        this.users = users;
        return this;
    }

    public LoadTestSpecBuilder slaves(Integer slaves) {
        this.slaves = slaves;
        return this;
    }

    public LoadTestSpecBuilder spawnRate(Double spawnRate) {
        this.spawnRate = spawnRate;
        return this;
    }

    /** The test duration, e.g. {@code 5m}; leave it unset (null) when giving stages, which set their own. */
    public LoadTestSpecBuilder runTime(String runTime) {
        this.runTime = runTime;
        return this;
    }

    public LoadTestSpecBuilder host(String host) {
        this.host = host;
        return this;
    }

    public LoadTestSpecBuilder threshold(String expression) {
        thresholds.add(expression);
        return this;
    }

    public LoadTestSpecBuilder thresholds(List<String> expressions) {
        thresholds.addAll(expressions);
        return this;
    }

    /** A stage as text: {@code "DURATION:USERS[:SPAWN_RATE]"}, e.g. {@code "1m:50:5"}. */
    public LoadTestSpecBuilder stage(String stage) {
        stages.add(stage);
        return this;
    }

    public LoadTestSpecBuilder env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public LoadTestSpecBuilder locustArg(String arg) {
        locustArgs.add(arg);
        return this;
    }

    public LoadTestSpecBuilder tag(String tag) {
        tags.add(tag);
        return this;
    }

    public LoadTestSpecBuilder excludeTag(String tag) {
        excludeTags.add(tag);
        return this;
    }

    public LoadTestSpecBuilder image(String image) {
        this.image = image;
        return this;
    }

    public LoadTestSpecBuilder masterResources(Resources resources) {
        this.masterResources = resources;
        return this;
    }

    public LoadTestSpecBuilder workerResources(Resources resources) {
        this.workerResources = resources;
        return this;
    }

    public LoadTestSpecBuilder processes(Integer processes) {
        this.processes = processes;
        return this;
    }

    /** A host alias as text: {@code "IP=name1,name2"}. */
    public LoadTestSpecBuilder hostAlias(String alias) {
        hostAliases.add(alias);
        return this;
    }

    public LoadTestSpecBuilder startTimeout(String startTimeout) {
        this.startTimeout = startTimeout;
        return this;
    }

    public LoadTestSpecBuilder stopTimeout(String stopTimeout) {
        this.stopTimeout = stopTimeout;
        return this;
    }

    public LoadTestSpecBuilder kubernetes(KubernetesOptions kubernetes) {
        this.kubernetes = kubernetes;
        return this;
    }

    /**
     * Validates every field and returns the spec; doubtful but workable input is listed in
     * {@link LoadTestSpec#warnings()} for the user to see.
     *
     * @throws InvalidSpecException listing every bad field with its value and the fix; nothing is launched
     */
    public LoadTestSpec build() {
        return new SpecValidator(this).validate();
    }
}
