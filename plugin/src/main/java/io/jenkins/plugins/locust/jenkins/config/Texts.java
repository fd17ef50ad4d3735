package io.jenkins.plugins.locust.jenkins.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Form text as the configuration keeps it: trimmed, and blank meaning "not set". */
final class Texts {
    private Texts() {}

    @CheckForNull
    static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
