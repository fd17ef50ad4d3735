package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code loadTest script: 'perf/locustfile.py', users: 500, slaves: 4, runTime: '5m', host: '…', thresholds: […]}:
 * runs a distributed Locust load test.
 *
 * <p>The step only carries the user's input; {@link SpecMapping} maps it to core's {@code LoadTestSpec}, where
 * defaults and validation live. Optional parameters are {@code null} when not given, so that the spec's defaults apply.
 */
public class LoadTestStep extends Step {
    private final String script;

    @CheckForNull
    private Integer users;

    @CheckForNull
    private Integer slaves;

    @CheckForNull
    private String runTime;

    @CheckForNull
    private String host;

    private List<String> thresholds = List.of();

    @CheckForNull
    private String locustfile;

    @CheckForNull
    private Double spawnRate;

    private List<String> stages = List.of();

    private Map<String, String> env = Map.of();

    private List<String> locustArgs = List.of();

    private List<String> tags = List.of();

    private List<String> excludeTags = List.of();

    @CheckForNull
    private Integer processes;

    private List<String> hostAliases = List.of();

    @CheckForNull
    private String startTimeout;

    @CheckForNull
    private String stopTimeout;

    @CheckForNull
    private String image;

    /** @param script path of the locustfile, relative to the workspace */
    @DataBoundConstructor
    public LoadTestStep(String script) {
        this.script = script == null ? "" : script.trim();
    }

    public String getScript() {
        return script;
    }

    /** Peak number of concurrent Locust users, or {@code null} for the default. */
    @CheckForNull
    public Integer getUsers() {
        return users;
    }

    @DataBoundSetter
    public void setUsers(@CheckForNull Integer users) {
        this.users = users;
    }

    /** Number of Locust worker pods, or {@code null} for the default. */
    @CheckForNull
    public Integer getSlaves() {
        return slaves;
    }

    @DataBoundSetter
    public void setSlaves(@CheckForNull Integer slaves) {
        this.slaves = slaves;
    }

    /** Time the test runs for, like {@code 5m} or {@code 1h30m}, or {@code null} for the default. */
    @CheckForNull
    public String getRunTime() {
        return runTime;
    }

    @DataBoundSetter
    public void setRunTime(@CheckForNull String runTime) {
        this.runTime = blankToNull(runTime);
    }

    /** Base URL of the system under test, or {@code null} for the locustfile's own {@code host}. */
    @CheckForNull
    public String getHost() {
        return host;
    }

    @DataBoundSetter
    public void setHost(@CheckForNull String host) {
        this.host = blankToNull(host);
    }

    /** Threshold expressions such as {@code p95 < 800ms}; empty when none. */
    public List<String> getThresholds() {
        return thresholds;
    }

    @DataBoundSetter
    public void setThresholds(@CheckForNull List<String> thresholds) {
        this.thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    /** Entry file inside a folder {@code script}, or {@code null} for the default ({@code locustfile.py}). */
    @CheckForNull
    public String getLocustfile() {
        return locustfile;
    }

    @DataBoundSetter
    public void setLocustfile(@CheckForNull String locustfile) {
        this.locustfile = blankToNull(locustfile);
    }

    /** Users started per second, or {@code null} for the default (users/10, at least 1). */
    @CheckForNull
    public Double getSpawnRate() {
        return spawnRate;
    }

    @DataBoundSetter
    public void setSpawnRate(@CheckForNull Double spawnRate) {
        this.spawnRate = spawnRate;
    }

    /** Load stages as {@code DURATION:USERS[:RATE]}, run in order instead of {@code runTime}; empty when none. */
    public List<String> getStages() {
        return stages;
    }

    @DataBoundSetter
    public void setStages(@CheckForNull List<String> stages) {
        this.stages = copy(stages);
    }

    /** Environment variables for the locustfile ({@code os.environ}); empty when none. */
    public Map<String, String> getEnv() {
        return env;
    }

    /**
     * Takes a Groovy map such as {@code [TENANT: 'nightly']}; names and values are taken as text (a GString or a number
     * becomes its string), so the map may hold any of them at run time. A missing value stays {@code null}, for core
     * to reject naming the variable.
     */
    @DataBoundSetter
    public void setEnv(@CheckForNull Map<String, String> env) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (env != null) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) env).entrySet()) {
                copy.put(
                        String.valueOf(entry.getKey()),
                        entry.getValue() == null ? null : String.valueOf(entry.getValue()));
            }
        }
        this.env = Collections.unmodifiableMap(copy);
    }

    /** Further Locust command-line flags, one per element; empty when none. */
    public List<String> getLocustArgs() {
        return locustArgs;
    }

    @DataBoundSetter
    public void setLocustArgs(@CheckForNull List<String> locustArgs) {
        this.locustArgs = copy(locustArgs);
    }

    /** Locust {@code @tag}s to run; empty: all tasks. */
    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(@CheckForNull List<String> tags) {
        this.tags = copy(tags);
    }

    /** Locust {@code @tag}s not to run; empty when none. */
    public List<String> getExcludeTags() {
        return excludeTags;
    }

    @DataBoundSetter
    public void setExcludeTags(@CheckForNull List<String> excludeTags) {
        this.excludeTags = copy(excludeTags);
    }

    /** Locust processes per worker, or {@code null} to size them from the worker's CPU. */
    @CheckForNull
    public Integer getProcesses() {
        return processes;
    }

    @DataBoundSetter
    public void setProcesses(@CheckForNull Integer processes) {
        this.processes = processes;
    }

    /** {@code /etc/hosts} entries for the pods as {@code IP=NAME[,NAME]}; empty when none. */
    public List<String> getHostAliases() {
        return hostAliases;
    }

    @DataBoundSetter
    public void setHostAliases(@CheckForNull List<String> hostAliases) {
        this.hostAliases = copy(hostAliases);
    }

    /** How long all workers may take to connect, or {@code null} for the default. */
    @CheckForNull
    public String getStartTimeout() {
        return startTimeout;
    }

    @DataBoundSetter
    public void setStartTimeout(@CheckForNull String startTimeout) {
        this.startTimeout = blankToNull(startTimeout);
    }

    /** How long users may finish their task at the end, or {@code null} for the default. */
    @CheckForNull
    public String getStopTimeout() {
        return stopTimeout;
    }

    @DataBoundSetter
    public void setStopTimeout(@CheckForNull String stopTimeout) {
        this.stopTimeout = blankToNull(stopTimeout);
    }

    /** The pods' Locust image, or {@code null} for the default. */
    @CheckForNull
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        this.image = blankToNull(image);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new LoadTestExecution(context, arguments());
    }

    StepArguments arguments() {
        return new StepArguments(
                script,
                users,
                slaves,
                runTime,
                host,
                thresholds,
                locustfile,
                spawnRate,
                stages,
                env,
                locustArgs,
                tags,
                excludeTags,
                processes,
                hostAliases,
                startTimeout,
                stopTimeout,
                image);
    }

    private static List<String> copy(@CheckForNull List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    @CheckForNull
    private static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The {@code loadTest} step's descriptor. */
    @Extension
    @Symbol("loadTest")
    public static class DescriptorImpl extends StepDescriptor {
        private final transient JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            super();
            this.jenkins = jenkins;
        }

        @Override
        public String getFunctionName() {
            return "loadTest";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run a distributed Locust load test";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        @POST
        public FormValidation doCheckScript(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, FieldChecks.required("Script", value));
        }

        @POST
        public FormValidation doCheckUsers(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, FieldChecks.positiveWholeNumber("Users", value));
        }

        @POST
        public FormValidation doCheckSlaves(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, FieldChecks.positiveWholeNumber("Slaves", value));
        }

        /** Validates only for users who may configure the job; others get no answer rather than an error page. */
        private FormValidation check(@CheckForNull Item item, Optional<String> problem) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }
}
