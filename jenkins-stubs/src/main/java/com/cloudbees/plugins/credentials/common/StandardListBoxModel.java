// Mirrors org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (StandardListBoxModel). Compile-only stub.
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** A drop-down of {@link StandardCredentials}, each shown by its id and description. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    public StandardListBoxModel() {}

    @NonNull
    @Override
    protected String describe(@NonNull StandardCredentials c) {
        throw new UnsupportedOperationException("stub");
    }
}
