package io.jenkins.plugins.locust.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import io.jenkins.plugins.locust.spec.SettingChecks;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One named Kubernetes cluster of the global configuration. Without a credential it is the controller's own pod
 * (in-cluster service account); with a Secret text it is a server URL and a bearer token (and optionally the CA that
 * signed the server's certificate); with a Secret file it is a kubeconfig (and optionally one of its contexts). It
 * holds the credential's id only: the secret is resolved when a run starts ({@link ClusterConnector}).
 */
public class ClusterConfig extends AbstractDescribableImpl<ClusterConfig> {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    private final String name;
    private String serverUrl;
    private String credentialsId;
    private String context;
    private String caCertificate;
    private String namespace;

    @DataBoundConstructor
    public ClusterConfig(String name) {
        this.name = name == null ? "" : name.trim();
    }

    @NonNull
    public String getName() {
        return name;
    }

    @CheckForNull
    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(@CheckForNull String serverUrl) {
        this.serverUrl = Texts.blankToNull(serverUrl);
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Texts.blankToNull(credentialsId);
    }

    @CheckForNull
    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(@CheckForNull String context) {
        this.context = Texts.blankToNull(context);
    }

    @CheckForNull
    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(@CheckForNull String caCertificate) {
        this.caCertificate = Texts.blankToNull(caCertificate);
    }

    @CheckForNull
    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(@CheckForNull String namespace) {
        this.namespace = Texts.blankToNull(namespace);
    }

    /** How this cluster is reached, for messages; never a secret. */
    @Override
    public String toString() {
        String how = credentialsId == null
                ? "in-cluster service account"
                : (serverUrl == null ? "" : serverUrl + " ") + "with credential " + credentialsId;
        return "cluster '" + name + "' (" + how + (namespace == null ? "" : ", namespace " + namespace) + ")";
    }

    static Optional<String> nameProblem(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Messages.ClusterConfig_NameRequired());
        }
        if (!NAME.matcher(value.trim()).matches()) {
            return Optional.of(Messages.ClusterConfig_NameInvalid(value.trim()));
        }
        return Optional.empty();
    }

    static Optional<String> serverUrlProblem(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String url = value.trim();
        if (!url.matches("(?i)https?://[^/\\s]+(/\\S*)?")) {
            return Optional.of(Messages.ClusterConfig_ServerUrlInvalid(url));
        }
        return Optional.empty();
    }

    static Optional<String> caCertificateProblem(@CheckForNull String value) {
        if (value == null || value.isBlank() || value.contains("-----BEGIN CERTIFICATE-----")) {
            return Optional.empty();
        }
        return Optional.of(Messages.ClusterConfig_CaCertificateInvalid());
    }

    /** The form of one cluster: drop-down of credentials, checks, and "Test connection". */
    @Extension
    public static class DescriptorImpl extends AdministratorForm<ClusterConfig> {
        private final transient ConnectionTest connectionTest;

        public DescriptorImpl() {
            this(
                    new JenkinsFacade(),
                    new ConnectionTest(
                            new ClusterConnector(new JenkinsCredentials()),
                            () -> LoadTestGlobalConfiguration.get().getDefaults()));
        }

        DescriptorImpl(JenkinsFacade jenkins, ConnectionTest connectionTest) {
            super(ClusterConfig.class, jenkins);
            this.connectionTest = connectionTest;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ClusterConfig_DisplayName();
        }

        /** Secret text (tokens) and secret files (kubeconfigs) Jenkins itself holds; administrators only. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            StandardListBoxModel model = new StandardListBoxModel();
            if (!isAdministrator()) {
                model.includeCurrentValue(credentialsId);
                return model;
            }
            model.includeEmptyValue();
            model.includeAs(ACL.SYSTEM2, (Item) null, StringCredentials.class);
            model.includeAs(ACL.SYSTEM2, (Item) null, FileCredentials.class);
            model.includeCurrentValue(credentialsId);
            return model;
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return check(nameProblem(value));
        }

        @POST
        public FormValidation doCheckServerUrl(@QueryParameter String value) {
            return check(serverUrlProblem(value));
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value) {
            return check(caCertificateProblem(value));
        }

        @POST
        public FormValidation doCheckNamespace(@QueryParameter String value) {
            return check(SettingChecks.namespace("Namespace", value));
        }

        /** Connects with the form's values and reports what a run would find; administrators only. */
        @POST
        public FormValidation doTestConnection(
                @QueryParameter String name,
                @QueryParameter String serverUrl,
                @QueryParameter String credentialsId,
                @QueryParameter String context,
                @QueryParameter String caCertificate,
                @QueryParameter String namespace) {
            if (!isAdministrator()) {
                return FormValidation.error(Messages.ClusterConfig_AdministratorsOnly());
            }
            ClusterConfig cluster =
                    new ClusterConfig(name == null || name.isBlank() ? Messages.ClusterConfig_Unnamed() : name);
            cluster.setServerUrl(serverUrl);
            cluster.setCredentialsId(credentialsId);
            cluster.setContext(context);
            cluster.setCaCertificate(caCertificate);
            cluster.setNamespace(namespace);
            ConnectionTest.Outcome outcome = connectionTest.run(cluster);
            return switch (outcome.status()) {
                case OK -> FormValidation.ok(outcome.text());
                case WARNING -> FormValidation.warning(outcome.text());
                case FAILED -> FormValidation.error(outcome.text());
            };
        }
    }
}
