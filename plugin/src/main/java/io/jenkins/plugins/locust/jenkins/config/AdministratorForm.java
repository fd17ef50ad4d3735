package io.jenkins.plugins.locust.jenkins.config;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * A descriptor of the global configuration's forms: its checks and buttons answer administrators only (the page is
 * theirs); everyone else gets no answer rather than an error page.
 */
abstract class AdministratorForm<T extends Describable<T>> extends Descriptor<T> {
    private final transient JenkinsFacade jenkins;

    AdministratorForm(Class<? extends T> clazz, JenkinsFacade jenkins) {
        super(clazz);
        this.jenkins = jenkins;
    }

    final boolean isAdministrator() {
        return jenkins.hasPermission(Jenkins.ADMINISTER, null);
    }

    final FormValidation check(Optional<String> problem) {
        if (!isAdministrator()) {
            return FormValidation.ok();
        }
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
