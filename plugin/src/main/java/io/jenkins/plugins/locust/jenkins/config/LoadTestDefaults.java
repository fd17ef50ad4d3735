package io.jenkins.plugins.locust.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.util.FormValidation;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.spec.Resources;
import io.jenkins.plugins.locust.spec.SettingChecks;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** What a load test uses when its step does not say: image, namespace, worker size, start timeout. Blank = built in. */
public class LoadTestDefaults extends AbstractDescribableImpl<LoadTestDefaults> {
    private String image;
    private String namespace;
    private String workerCpu;
    private String workerMemory;
    private String startTimeout;

    @DataBoundConstructor
    public LoadTestDefaults() {}

    /**
     * Sets these defaults on a spec builder. Call it before the step's own values, and set only the values the step
     * was given, so that the step's win. The namespace goes to the connection instead (see
     * {@link LoadTestGlobalConfiguration#resolveConnection}).
     */
    public void applyTo(LoadTestSpecBuilder builder) {
        if (image != null) {
            builder.image(image);
        }
        if (workerCpu != null || workerMemory != null) {
            Resources base = Resources.WORKER_DEFAULT;
            String memory = workerMemory == null ? base.memoryRequest() : workerMemory;
            builder.workerResources(
                    new Resources(workerCpu == null ? base.cpuRequest() : workerCpu, base.cpuLimit(), memory, memory));
        }
        if (startTimeout != null) {
            builder.startTimeout(startTimeout);
        }
    }

    @CheckForNull
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        this.image = Texts.blankToNull(image);
    }

    @CheckForNull
    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(@CheckForNull String namespace) {
        this.namespace = Texts.blankToNull(namespace);
    }

    @CheckForNull
    public String getWorkerCpu() {
        return workerCpu;
    }

    @DataBoundSetter
    public void setWorkerCpu(@CheckForNull String workerCpu) {
        this.workerCpu = Texts.blankToNull(workerCpu);
    }

    @CheckForNull
    public String getWorkerMemory() {
        return workerMemory;
    }

    @DataBoundSetter
    public void setWorkerMemory(@CheckForNull String workerMemory) {
        this.workerMemory = Texts.blankToNull(workerMemory);
    }

    @CheckForNull
    public String getStartTimeout() {
        return startTimeout;
    }

    @DataBoundSetter
    public void setStartTimeout(@CheckForNull String startTimeout) {
        this.startTimeout = Texts.blankToNull(startTimeout);
    }

    /** The defaults' form checks (administrators only). */
    @Extension
    public static class DescriptorImpl extends AdministratorForm<LoadTestDefaults> {

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            super(LoadTestDefaults.class, jenkins);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LoadTestDefaults_DisplayName();
        }

        @POST
        public FormValidation doCheckNamespace(@QueryParameter String value) {
            return check(SettingChecks.namespace("Namespace", value));
        }

        @POST
        public FormValidation doCheckWorkerCpu(@QueryParameter String value) {
            return check(SettingChecks.cpu("Worker CPU", value));
        }

        @POST
        public FormValidation doCheckWorkerMemory(@QueryParameter String value) {
            return check(SettingChecks.memory("Worker memory", value));
        }

        @POST
        public FormValidation doCheckStartTimeout(@QueryParameter String value) {
            return check(SettingChecks.duration("Start timeout", value));
        }
    }
}
