package io.jenkins.plugins.locust.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' syntax for label keys and values (and annotation keys, node selector terms), as the API server
 * validates them: checked before a run, so a typo fails with the field named instead of a 422 at create time.
 */
public final class LabelSyntax {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelSyntax() {}

    /** Why {@code key} is not a label key (an optional DNS subdomain prefix and '/', then a name), or empty. */
    public static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("a label key cannot be empty");
        }
        int slash = key.lastIndexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = key.substring(slash + 1);
        if (prefix != null
                && (prefix.isEmpty()
                        || prefix.length() > 253
                        || !DNS_SUBDOMAIN.matcher(prefix).matches())) {
            return Optional.of("the prefix before '/' must be a lower-case DNS name such as example.com");
        }
        if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
            return Optional.of("a label key's name is at most 63 letters, digits, '-', '_' and '.', starting and"
                    + " ending with a letter or digit, e.g. node-pool or example.com/pool");
        }
        return Optional.empty();
    }

    /** Why {@code value} is not a label value (empty, or a name of at most 63 characters), or empty. */
    public static Optional<String> valueProblem(String value) {
        if (value == null) {
            return Optional.of("give a value (an empty one is fine)");
        }
        if (!value.isEmpty() && (value.length() > 63 || !NAME.matcher(value).matches())) {
            return Optional.of("a label value is at most 63 letters, digits, '-', '_' and '.', starting and ending"
                    + " with a letter or digit, e.g. load-tests");
        }
        return Optional.empty();
    }
}
