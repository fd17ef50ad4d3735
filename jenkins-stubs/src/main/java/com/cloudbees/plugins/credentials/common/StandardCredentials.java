// Mirrors org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (StandardCredentials). Compile-only stub.
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** The base of the usual credential types (secret text, secret file, username/password...). */
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
