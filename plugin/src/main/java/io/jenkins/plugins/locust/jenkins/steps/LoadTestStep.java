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
import java.util.List;
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

    @Override
    public StepExecution start(StepContext context) {
        return new LoadTestExecution(context, arguments());
    }

    StepArguments arguments() {
        return new StepArguments(script, users, slaves, runTime, host, thresholds);
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
