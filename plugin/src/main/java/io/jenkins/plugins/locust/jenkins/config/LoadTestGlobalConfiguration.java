package io.jenkins.plugins.locust.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Run;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.spec.LoadTestQuotas;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Manage Jenkins » System » Locust Load Test: the clusters load tests run on (the first is the default), the defaults
 * a step falls back to, and the limits every load test must stay within. Plain data-bound fields, so the form and
 * configuration-as-code ({@code unclassified: locustLoadTest:}) bind the same way; every setter saves.
 */
@Extension
@Symbol("locustLoadTest")
public class LoadTestGlobalConfiguration extends GlobalConfiguration {
    /** Where administrators change this configuration, in English: for core's messages (the limits). */
    public static final String WHERE = "Manage Jenkins » System » Locust Load Test";

    /** Where administrators change this configuration, in the user's language: for the plugin's messages. */
    public static String where() {
        return Messages.LoadTestGlobalConfiguration_Where();
    }

    private List<ClusterConfig> clusters = new ArrayList<>();
    private LoadTestDefaults defaults;
    private LoadTestLimits limits;

    private final transient ClusterConnector connector;

    public LoadTestGlobalConfiguration() {
        this(new JenkinsCredentials());
        load();
    }

    /** Without loading from disk: for tests, which also override {@code save()}. */
    LoadTestGlobalConfiguration(CredentialsSource credentials) {
        this.connector = new ClusterConnector(credentials);
    }

    /** The configuration Jenkins holds. */
    public static LoadTestGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(LoadTestGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.LoadTestGlobalConfiguration_DisplayName();
    }

    /**
     * Binds the submitted form as {@link GlobalConfiguration} does, except that a form without any cluster means no
     * cluster: the form then sends no {@code clusters} at all, and plain binding would keep the old ones.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) {
        List<ClusterConfig> before = clusters;
        clusters = new ArrayList<>();
        try {
            req.bindJSON(this, json);
        } catch (RuntimeException e) {
            clusters = before;
            throw e;
        }
        save();
        return true;
    }

    // ---- what the step uses ----

    /**
     * The cluster a run uses.
     *
     * @param name a configured cluster's name; null or blank: the first (the default)
     * @throws AbortException when no cluster is configured or none has that name, listing the names there are
     */
    @NonNull
    public ClusterConfig cluster(@CheckForNull String name) throws AbortException {
        if (clusters.isEmpty()) {
            throw new AbortException(Messages.LoadTestGlobalConfiguration_NoCluster(where()));
        }
        if (name == null || name.isBlank()) {
            return clusters.get(0);
        }
        return clusters.stream()
                .filter(c -> c.getName().equals(name.trim()))
                .findFirst()
                .orElseThrow(() -> new AbortException(
                        Messages.LoadTestGlobalConfiguration_NoSuchCluster(name.trim(), clusterNames(), where())));
    }

    /**
     * The connection for one run, its credential resolved now with the build as context; keep it only as long as the
     * run needs it (persist the cluster's name, never the connection).
     *
     * @throws AbortException for an unknown credential id, a credential of the wrong type or an incomplete cluster
     */
    @NonNull
    public KubernetesConnection resolveConnection(ClusterConfig cluster, Run<?, ?> run) throws AbortException {
        return connector.forRun(cluster, run, getDefaults().getNamespace());
    }

    /**
     * The limits every load test must stay within; check a spec with {@code quotas().check(spec)} before creating
     * anything.
     *
     * @throws AbortException when a stored limit is unusable (see {@link LoadTestLimits#toQuotas()})
     */
    @NonNull
    public LoadTestQuotas quotas() throws AbortException {
        return getLimits().toQuotas();
    }

    /** Sets the configured defaults on a spec builder; see {@link LoadTestDefaults#applyTo}. */
    public void applyDefaults(LoadTestSpecBuilder builder) {
        getDefaults().applyTo(builder);
    }

    // ---- data-bound fields (the form and configuration-as-code) ----

    @NonNull
    public List<ClusterConfig> getClusters() {
        return List.copyOf(clusters);
    }

    /**
     * @throws IllegalArgumentException when two clusters share a name: pipelines choose clusters by name
     */
    @DataBoundSetter
    public void setClusters(@CheckForNull List<ClusterConfig> clusters) {
        List<ClusterConfig> given = clusters == null ? List.of() : clusters;
        Set<String> seen = new HashSet<>();
        for (ClusterConfig cluster : given) {
            ClusterConfig.nameProblem(cluster.getName()).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            if (!seen.add(cluster.getName())) {
                throw new IllegalArgumentException(
                        Messages.LoadTestGlobalConfiguration_DuplicateName(cluster.getName()));
            }
        }
        this.clusters = new ArrayList<>(given);
        save();
    }

    @NonNull
    public LoadTestDefaults getDefaults() {
        return defaults == null ? new LoadTestDefaults() : defaults;
    }

    @DataBoundSetter
    public void setDefaults(@CheckForNull LoadTestDefaults defaults) {
        this.defaults = defaults;
        save();
    }

    @NonNull
    public LoadTestLimits getLimits() {
        return limits == null ? new LoadTestLimits() : limits;
    }

    @DataBoundSetter
    public void setLimits(@CheckForNull LoadTestLimits limits) {
        this.limits = limits;
        save();
    }

    private String clusterNames() {
        return clusters.stream().map(c -> "'" + c.getName() + "'").collect(Collectors.joining(", "));
    }
}
