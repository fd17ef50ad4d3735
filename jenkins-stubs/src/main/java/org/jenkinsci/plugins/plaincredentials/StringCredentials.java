// Mirrors org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799 (StringCredentials). Compile-only stub.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** "Secret text": here a Kubernetes bearer token. */
public interface StringCredentials extends StandardCredentials {
    @NonNull
    Secret getSecret();
}
