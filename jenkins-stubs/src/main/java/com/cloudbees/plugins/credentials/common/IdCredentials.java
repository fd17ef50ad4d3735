// Mirrors org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (IdCredentials). Compile-only stub.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** A credential with an id: what configurations store instead of the secret. */
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
