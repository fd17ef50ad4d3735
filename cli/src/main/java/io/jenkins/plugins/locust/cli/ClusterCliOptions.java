package io.jenkins.plugins.locust.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster to talk to, as kubectl chooses it; shared by every command that reaches a cluster. */
final class ClusterCliOptions {
    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
    String context;
}
