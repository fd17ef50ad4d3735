package io.jenkins.plugins.locust.jenkins.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.security.Permission;
import java.io.Serializable;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The one place that calls {@code Jenkins.get()} (an ArchUnit rule keeps it so). Everything else asks this facade, so
 * that tests can substitute it and code outside Jenkins never reaches for the singleton.
 */
public class JenkinsFacade implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Whether the current user has {@code permission} on {@code item}, or on Jenkins itself when there is no item (for
     * example on the global Pipeline Syntax page).
     */
    public boolean hasPermission(Permission permission, @CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(permission);
        }
        return item.hasPermission(permission);
    }

    /** The identity the current thread acts as (in a step's start: the build's). */
    public Authentication currentIdentity() {
        return Jenkins.getAuthentication2();
    }
}
