package io.jenkins.plugins.locust.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.io.Serializable;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Where a cluster's credential comes from at use time. In Jenkins this is the credentials plugin
 * ({@link JenkinsCredentials}); tests pass their own, since the credentials plugin's static lookups and
 * {@code Secret} cannot run without Jenkins.
 */
interface CredentialsSource extends Serializable {
    /** The credential {@code id} as {@code run} may use it (the job's authentication), or null. */
    @CheckForNull
    StandardCredentials forRun(String id, Run<?, ?> run);

    /** The credential {@code id} as Jenkins itself sees it: only for administrators on the configuration page. */
    @CheckForNull
    StandardCredentials forAdministrator(String id);

    /** The token a secret-text credential holds. */
    String secretText(StringCredentials credential);
}
