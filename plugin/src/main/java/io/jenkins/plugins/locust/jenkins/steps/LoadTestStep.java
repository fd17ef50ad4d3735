package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.locust.jenkins.Messages;
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
 * <p>The step only carries the user's input: one getter and one {@code @DataBoundSetter} per parameter (what Stapler
 * and structs bind, and what the Snippet Generator reads back), all backed by one {@link StepParameters}. What each
 * parameter means is said once, for users, in its {@code help-<name>.html} and in docs/step-reference.md;
 * {@link SpecMapping} hands the values to core's spec builder, where defaults and validation live. A parameter not
 * given is {@code null} (or empty), so core's default applies.
 */
public class LoadTestStep extends Step {
    private final StepParameters parameters = new StepParameters();

    /** Kept apart from {@link #parameters}: env values may be secrets, and the execution must not keep them. */
    private final StepParameters env = new StepParameters();

    /** @param script path of the locustfile, or of a folder holding it, relative to the workspace */
    @DataBoundConstructor
    public LoadTestStep(String script) {
        parameters.put("script", script == null ? "" : script.trim());
    }

    public String getScript() {
        return parameters.text("script");
    }

    @CheckForNull
    public Integer getUsers() {
        return parameters.integer("users");
    }

    @DataBoundSetter
    public void setUsers(@CheckForNull Integer users) {
        parameters.put("users", users);
    }

    @CheckForNull
    public Integer getSlaves() {
        return parameters.integer("slaves");
    }

    @DataBoundSetter
    public void setSlaves(@CheckForNull Integer slaves) {
        parameters.put("slaves", slaves);
    }

    @CheckForNull
    public String getRunTime() {
        return parameters.text("runTime");
    }

    @DataBoundSetter
    public void setRunTime(@CheckForNull String runTime) {
        parameters.putText("runTime", runTime);
    }

    @CheckForNull
    public String getHost() {
        return parameters.text("host");
    }

    @DataBoundSetter
    public void setHost(@CheckForNull String host) {
        parameters.putText("host", host);
    }

    public List<String> getThresholds() {
        return parameters.lines("thresholds");
    }

    @DataBoundSetter
    public void setThresholds(@CheckForNull List<String> thresholds) {
        parameters.putLines("thresholds", thresholds);
    }

    @CheckForNull
    public String getLocustfile() {
        return parameters.text("locustfile");
    }

    @DataBoundSetter
    public void setLocustfile(@CheckForNull String locustfile) {
        parameters.putText("locustfile", locustfile);
    }

    @CheckForNull
    public Double getSpawnRate() {
        return parameters.number("spawnRate");
    }

    @DataBoundSetter
    public void setSpawnRate(@CheckForNull Double spawnRate) {
        parameters.put("spawnRate", spawnRate);
    }

    public List<String> getStages() {
        return parameters.lines("stages");
    }

    @DataBoundSetter
    public void setStages(@CheckForNull List<String> stages) {
        parameters.putLines("stages", stages);
    }

    public List<String> getEnv() {
        return env.lines("env");
    }

    @DataBoundSetter
    public void setEnv(@CheckForNull List<String> env) {
        this.env.putLines("env", env);
    }

    public List<String> getLocustArgs() {
        return parameters.lines("locustArgs");
    }

    @DataBoundSetter
    public void setLocustArgs(@CheckForNull List<String> locustArgs) {
        parameters.putLines("locustArgs", locustArgs);
    }

    public List<String> getTags() {
        return parameters.lines("tags");
    }

    @DataBoundSetter
    public void setTags(@CheckForNull List<String> tags) {
        parameters.putLines("tags", tags);
    }

    public List<String> getExcludeTags() {
        return parameters.lines("excludeTags");
    }

    @DataBoundSetter
    public void setExcludeTags(@CheckForNull List<String> excludeTags) {
        parameters.putLines("excludeTags", excludeTags);
    }

    @CheckForNull
    public Integer getProcesses() {
        return parameters.integer("processes");
    }

    @DataBoundSetter
    public void setProcesses(@CheckForNull Integer processes) {
        parameters.put("processes", processes);
    }

    public List<String> getHostAliases() {
        return parameters.lines("hostAliases");
    }

    @DataBoundSetter
    public void setHostAliases(@CheckForNull List<String> hostAliases) {
        parameters.putLines("hostAliases", hostAliases);
    }

    @CheckForNull
    public String getStartTimeout() {
        return parameters.text("startTimeout");
    }

    @DataBoundSetter
    public void setStartTimeout(@CheckForNull String startTimeout) {
        parameters.putText("startTimeout", startTimeout);
    }

    @CheckForNull
    public String getStopTimeout() {
        return parameters.text("stopTimeout");
    }

    @DataBoundSetter
    public void setStopTimeout(@CheckForNull String stopTimeout) {
        parameters.putText("stopTimeout", stopTimeout);
    }

    @CheckForNull
    public String getImage() {
        return parameters.text("image");
    }

    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        parameters.putText("image", image);
    }

    @CheckForNull
    public String getBackend() {
        return parameters.text("backend");
    }

    @DataBoundSetter
    public void setBackend(@CheckForNull String backend) {
        parameters.putText("backend", backend);
    }

    @CheckForNull
    public String getCluster() {
        return parameters.text("cluster");
    }

    @DataBoundSetter
    public void setCluster(@CheckForNull String cluster) {
        parameters.putText("cluster", cluster);
    }

    @CheckForNull
    public String getNamespace() {
        return parameters.text("namespace");
    }

    @DataBoundSetter
    public void setNamespace(@CheckForNull String namespace) {
        parameters.putText("namespace", namespace);
    }

    @CheckForNull
    public String getMasterCpu() {
        return parameters.text("masterCpu");
    }

    @DataBoundSetter
    public void setMasterCpu(@CheckForNull String masterCpu) {
        parameters.putText("masterCpu", masterCpu);
    }

    @CheckForNull
    public String getMasterMemory() {
        return parameters.text("masterMemory");
    }

    @DataBoundSetter
    public void setMasterMemory(@CheckForNull String masterMemory) {
        parameters.putText("masterMemory", masterMemory);
    }

    @CheckForNull
    public String getWorkerCpu() {
        return parameters.text("workerCpu");
    }

    @DataBoundSetter
    public void setWorkerCpu(@CheckForNull String workerCpu) {
        parameters.putText("workerCpu", workerCpu);
    }

    @CheckForNull
    public String getWorkerCpuLimit() {
        return parameters.text("workerCpuLimit");
    }

    @DataBoundSetter
    public void setWorkerCpuLimit(@CheckForNull String workerCpuLimit) {
        parameters.putText("workerCpuLimit", workerCpuLimit);
    }

    @CheckForNull
    public String getWorkerMemory() {
        return parameters.text("workerMemory");
    }

    @DataBoundSetter
    public void setWorkerMemory(@CheckForNull String workerMemory) {
        parameters.putText("workerMemory", workerMemory);
    }

    public List<String> getNodeSelector() {
        return parameters.lines("nodeSelector");
    }

    @DataBoundSetter
    public void setNodeSelector(@CheckForNull List<String> nodeSelector) {
        parameters.putLines("nodeSelector", nodeSelector);
    }

    @CheckForNull
    public String getServiceAccount() {
        return parameters.text("serviceAccount");
    }

    @DataBoundSetter
    public void setServiceAccount(@CheckForNull String serviceAccount) {
        parameters.putText("serviceAccount", serviceAccount);
    }

    public List<String> getImagePullSecrets() {
        return parameters.lines("imagePullSecrets");
    }

    @DataBoundSetter
    public void setImagePullSecrets(@CheckForNull List<String> imagePullSecrets) {
        parameters.putLines("imagePullSecrets", imagePullSecrets);
    }

    @CheckForNull
    public String getPodOverlay() {
        return parameters.text("podOverlay");
    }

    @DataBoundSetter
    public void setPodOverlay(@CheckForNull String podOverlay) {
        parameters.putVerbatim("podOverlay", podOverlay);
    }

    public boolean isWebUi() {
        return parameters.flag("webUi");
    }

    @DataBoundSetter
    public void setWebUi(boolean webUi) {
        parameters.put("webUi", webUi ? Boolean.TRUE : null);
    }

    /** The report's name on the build page and in trends; default: the script's file name without {@code .py}. */
    @CheckForNull
    public String getName() {
        return parameters.text("name");
    }

    @DataBoundSetter
    public void setName(@CheckForNull String name) {
        parameters.putText("name", name);
    }

    /** Which earlier build's same-named report feeds {@code baseline} thresholds and the deltas. */
    @CheckForNull
    public String getBaseline() {
        return parameters.text("baseline");
    }

    @DataBoundSetter
    public void setBaseline(@CheckForNull String baseline) {
        parameters.putText("baseline", baseline);
    }

    @CheckForNull
    public Integer getMaxWorkerLogs() {
        return parameters.integer("maxWorkerLogs");
    }

    @DataBoundSetter
    public void setMaxWorkerLogs(@CheckForNull Integer maxWorkerLogs) {
        parameters.put("maxWorkerLogs", maxWorkerLogs);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new LoadTestExecution(context, parameters(), getEnv(), Clusters.fromConfiguration());
    }

    /** A copy of the parameters the execution keeps (without env). */
    StepParameters parameters() {
        return parameters.without();
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
            return Messages.LoadTestStep_DisplayName();
        }

        /** The workspace holds the locustfile; EnvVars gives withEnv, environment {} and withCredentials values. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
        }

        /**
         * The text a list parameter's text area shows: one value per line, so that saving the form again gives the
         * same list (the list's own {@code toString} would come back as one bad value).
         */
        public String linesOf(@CheckForNull LoadTestStep step, String field) {
            if (step == null) {
                return "";
            }
            List<String> lines = field.equals("env") ? step.getEnv() : step.parameters.lines(field);
            return String.join("\n", lines);
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

        @POST
        public FormValidation doCheckBackend(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, FieldChecks.backend(value));
        }

        @POST
        public FormValidation doCheckBaseline(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, FieldChecks.baseline(value));
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
