// Mirrors org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (AbstractIdCredentialsListBoxModel). Compile-only stub.
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

/** A credentials drop-down. Each fluent method returns {@code AbstractIdCredentialsListBoxModel<T, C>}, not T. */
public abstract class AbstractIdCredentialsListBoxModel<
                T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    protected AbstractIdCredentialsListBoxModel() {}

    @NonNull
    protected abstract String describe(@NonNull C c);

    /** Adds the "- none -" entry first (once). */
    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("stub");
    }

    /** Adds the credentials of {@code type} available to {@code context} (null = Jenkins) as {@code authentication}. */
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            @NonNull Authentication authentication, @Nullable Item context, @NonNull Class<? extends C> type) {
        throw new UnsupportedOperationException("stub");
    }

    /** Keeps the saved value selectable even when the current user cannot see that credential. */
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
        throw new UnsupportedOperationException("stub");
    }
}
