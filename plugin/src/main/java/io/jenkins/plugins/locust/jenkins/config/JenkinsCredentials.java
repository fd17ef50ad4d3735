package io.jenkins.plugins.locust.jenkins.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The credentials plugin's lookups, as {@link CredentialsSource}. */
final class JenkinsCredentials implements CredentialsSource {
    private static final long serialVersionUID = 1L;

    @CheckForNull
    @Override
    public StandardCredentials forRun(String id, Run<?, ?> run) {
        // Resolves parameter expressions and applies the job's authentication (who may use what).
        return CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
    }

    @CheckForNull
    @Override
    public StandardCredentials forAdministrator(String id) {
        return CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, (Item) null, ACL.SYSTEM2).stream()
                .filter(c -> c.getId().equals(id))
                .findFirst()
                .orElse(null);
    }

    @Override
    public String secretText(StringCredentials credential) {
        return Secret.toString(credential.getSecret());
    }
}
