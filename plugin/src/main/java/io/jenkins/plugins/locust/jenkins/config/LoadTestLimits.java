package io.jenkins.plugins.locust.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.util.FormValidation;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestQuotas;
import io.jenkins.plugins.locust.spec.SettingChecks;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The limits every load test must stay within, as an administrator typed them (blank = no limit); core's
 * {@link LoadTestQuotas} checks a spec against them before anything is created.
 */
public class LoadTestLimits extends AbstractDescribableImpl<LoadTestLimits> {
    private String maxUsers;
    private String maxSlaves;
    private String maxWorkerCpu;
    private String maxRunTime;
    private String allowedHosts;

    @DataBoundConstructor
    public LoadTestLimits() {}

    /**
     * @throws AbortException when a stored limit is unusable (for example set by configuration-as-code, which skips
     *     the form checks): a broken limit stops the run rather than allowing everything
     */
    @NonNull
    public LoadTestQuotas toQuotas() throws AbortException {
        try {
            return LoadTestQuotas.parse(
                    maxUsers, maxSlaves, maxWorkerCpu, maxRunTime, allowedHosts, LoadTestGlobalConfiguration.WHERE);
        } catch (InvalidSpecException e) {
            throw new AbortException(e.getMessage());
        }
    }

    @CheckForNull
    public String getMaxUsers() {
        return maxUsers;
    }

    @DataBoundSetter
    public void setMaxUsers(@CheckForNull String maxUsers) {
        this.maxUsers = Texts.blankToNull(maxUsers);
    }

    @CheckForNull
    public String getMaxSlaves() {
        return maxSlaves;
    }

    @DataBoundSetter
    public void setMaxSlaves(@CheckForNull String maxSlaves) {
        this.maxSlaves = Texts.blankToNull(maxSlaves);
    }

    @CheckForNull
    public String getMaxWorkerCpu() {
        return maxWorkerCpu;
    }

    @DataBoundSetter
    public void setMaxWorkerCpu(@CheckForNull String maxWorkerCpu) {
        this.maxWorkerCpu = Texts.blankToNull(maxWorkerCpu);
    }

    @CheckForNull
    public String getMaxRunTime() {
        return maxRunTime;
    }

    @DataBoundSetter
    public void setMaxRunTime(@CheckForNull String maxRunTime) {
        this.maxRunTime = Texts.blankToNull(maxRunTime);
    }

    @CheckForNull
    public String getAllowedHosts() {
        return allowedHosts;
    }

    @DataBoundSetter
    public void setAllowedHosts(@CheckForNull String allowedHosts) {
        this.allowedHosts = Texts.blankToNull(allowedHosts);
    }

    /** The limits' form checks (administrators only). */
    @Extension
    public static class DescriptorImpl extends AdministratorForm<LoadTestLimits> {

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            super(LoadTestLimits.class, jenkins);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LoadTestLimits_DisplayName();
        }

        @POST
        public FormValidation doCheckMaxUsers(@QueryParameter String value) {
            return check(SettingChecks.wholeNumber("Max users", value));
        }

        @POST
        public FormValidation doCheckMaxSlaves(@QueryParameter String value) {
            return check(SettingChecks.wholeNumber("Max slaves", value));
        }

        @POST
        public FormValidation doCheckMaxWorkerCpu(@QueryParameter String value) {
            return check(SettingChecks.cpu("Max total worker CPU", value));
        }

        @POST
        public FormValidation doCheckMaxRunTime(@QueryParameter String value) {
            return check(SettingChecks.duration("Max run time", value));
        }

        @POST
        public FormValidation doCheckAllowedHosts(@QueryParameter String value) {
            return check(SettingChecks.hostPatterns("Allowed target hosts", value));
        }
    }
}
