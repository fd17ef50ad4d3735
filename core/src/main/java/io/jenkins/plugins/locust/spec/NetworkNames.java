package io.jenkins.plugins.locust.spec;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Syntax checks for addresses and names; nothing here resolves a name or opens a connection. */
final class NetworkNames {
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private NetworkNames() {}

    /** An IPv4 or IPv6 literal (as Kubernetes' hostAliases need); never a name. */
    static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            // With a ':' the JDK parses an IPv6 literal and never asks DNS.
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A DNS-1123 label: what Kubernetes accepts as a namespace name. */
    static boolean isDnsLabel(String text) {
        return text.length() <= 63 && DNS_LABEL.matcher(text).matches();
    }

    /** A DNS-1123 subdomain: host names, service account names. */
    static boolean isDnsSubdomain(String text) {
        return text.length() <= 253 && DNS_SUBDOMAIN.matcher(text).matches();
    }

    /** Why the text is not a usable base URL for Locust's {@code --host}, or null when it is. */
    static String hostProblem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "not a URL (" + e.getReason() + ")";
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?")) {
            return "the URL must start with http:// or https://";
        }
        if (uri.getHost() == null) {
            return "the URL has no host name";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "Locust appends request paths to the host, so it cannot carry a query or fragment";
        }
        return null;
    }
}
