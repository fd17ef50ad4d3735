// Mirrors org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (CredentialsProvider). Compile-only stub.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Where credentials come from. Real supertypes also include IconSpec (left out). The bounds
 * {@code <C extends IdCredentials>} and {@code <C extends Credentials>} decide the erasures (reference §1 rule 2).
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    protected CredentialsProvider() {}

    /**
     * The credential {@code id} of {@code type} as the build may use it (the job's authentication; parameter
     * expressions resolved), or null. Since 1305.v04f5ec1f3743. Erasure
     * {@code (Ljava/lang/String;Ljava/lang/Class;Lhudson/model/Run;)Lcom/cloudbees/plugins/credentials/common/IdCredentials;}.
     */
    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(
            @NonNull String id, @NonNull Class<C> type, @NonNull Run<?, ?> run) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * The credentials of {@code type} available to {@code item} (null = Jenkins itself) as {@code authentication}
     * (null = SYSTEM). Erasure {@code (Ljava/lang/Class;Lhudson/model/Item;Lorg/springframework/security/core/Authentication;)Ljava/util/List;}.
     */
    @NonNull
    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            @NonNull Class<C> type, @Nullable Item item, @Nullable Authentication authentication) {
        throw new UnsupportedOperationException("stub");
    }
}
