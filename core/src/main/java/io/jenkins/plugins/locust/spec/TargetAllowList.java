package io.jenkins.plugins.locust.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The target hosts a load test may aim at: host names or IP literals, {@code *.example.com} for every subdomain, each
 * optionally with {@code :port}; {@code *} alone allows any host. Empty allows any host. A guard rail against
 * pointing a load test at the wrong system, not a sandbox: the locustfile is code and can open any connection.
 */
public final class TargetAllowList {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final List<String> patterns;

    private TargetAllowList(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static final TargetAllowList ANY = new TargetAllowList(List.of());

    /**
     * Parses one pattern per line (blank lines and {@code #} comments ignored; commas also separate).
     *
     * @throws IllegalArgumentException naming every bad pattern and the accepted forms
     */
    public static TargetAllowList parse(String text) {
        List<String> patterns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries(text)) {
            problem(entry).ifPresentOrElse(problems::add, () -> patterns.add(normalise(entry)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new TargetAllowList(patterns);
    }

    /** What is wrong with the patterns in {@code text}, or empty when every one is usable. */
    public static Optional<String> problems(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean allowsAny() {
        return patterns.isEmpty() || patterns.contains("*");
    }

    /** Whether the base URL {@code host} (as the spec holds it) points at an allowed host and port. */
    public boolean allows(String hostUrl) {
        if (allowsAny()) {
            return true;
        }
        Optional<HostPort> target = HostPort.ofUrl(hostUrl);
        return target.isPresent() && patterns.stream().anyMatch(p -> matches(p, target.get()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetAllowList list && list.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return allowsAny() ? "any host" : String.join(", ", patterns);
    }

    private static boolean matches(String pattern, HostPort target) {
        HostPort allowed = HostPort.ofPattern(pattern);
        if (allowed.port() >= 0 && allowed.port() != target.port()) {
            return false;
        }
        if (allowed.host().startsWith("*.")) {
            return target.host().endsWith(allowed.host().substring(1));
        }
        return allowed.host().equals(target.host());
    }

    private static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        for (String line : text.split("\\R")) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            for (String entry : content.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    private static Optional<String> problem(String entry) {
        if (entry.equals("*")) {
            return Optional.empty();
        }
        if (entry.contains("/")) {
            return Optional.of("'" + entry + "' is not a host pattern: write the host name only, like"
                    + " staging.example.com, *.example.com or 10.0.0.5:8080 (no scheme or path)");
        }
        HostPort pattern = HostPort.ofPattern(normalise(entry));
        if (pattern.port() == -2) {
            return Optional.of("'" + entry + "' has a bad port: use a number from 1 to 65535, like example.com:8080");
        }
        String host = pattern.host();
        String name = host.startsWith("*.") ? host.substring(2) : host;
        if (NetworkNames.isIpLiteral(name) && !host.startsWith("*.")) {
            return Optional.empty();
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("'" + entry + "' is not a host name: use names like staging.example.com, a"
                        + " leading '*.' for every subdomain (*.example.com), an IP address, or '*' for any host");
            }
        }
        return Optional.empty();
    }

    private static String normalise(String entry) {
        return entry.trim().toLowerCase(Locale.ROOT);
    }

    /** A host (lower case, IPv6 without brackets) and a port: -1 for none given, -2 for a bad one. */
    private record HostPort(String host, int port) {
        static Optional<HostPort> ofUrl(String url) {
            try {
                URI uri = new URI(url.trim());
                if (uri.getHost() == null) {
                    return Optional.empty();
                }
                int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                return Optional.of(new HostPort(stripBrackets(uri.getHost().toLowerCase(Locale.ROOT)), port));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        static HostPort ofPattern(String pattern) {
            int colon = pattern.lastIndexOf(':');
            boolean bareIpv6 = pattern.indexOf(':') != colon && !pattern.startsWith("[");
            if (colon < 0 || bareIpv6 || pattern.endsWith("]")) {
                return new HostPort(stripBrackets(pattern), -1);
            }
            String port = pattern.substring(colon + 1);
            int number = PORT.matcher(port).matches() ? Integer.parseInt(port) : -2;
            return new HostPort(stripBrackets(pattern.substring(0, colon)), number < 1 || number > 65535 ? -2 : number);
        }

        private static String stripBrackets(String host) {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
    }
}
