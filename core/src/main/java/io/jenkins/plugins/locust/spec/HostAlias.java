package io.jenkins.plugins.locust.spec;

import java.util.List;

/** An /etc/hosts entry for the load pods, as Kubernetes' {@code hostAliases} (internal names without DNS). */
public record HostAlias(String ip, List<String> hostnames) {
    public HostAlias {
        hostnames = List.copyOf(hostnames);
    }
}
