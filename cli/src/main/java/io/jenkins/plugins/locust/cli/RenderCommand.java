package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.kubernetes.KubernetesRenderer;
import io.jenkins.plugins.locust.kubernetes.ManifestYaml;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.run.RunIds;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadtest render}: the Kubernetes objects a run would create, as YAML, without a cluster (a dry run). */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the Kubernetes objects a run would create (ConfigMap with the scripts, master Service, master and",
            "worker Jobs) as YAML, without contacting a cluster: for reviews, and to check a pod overlay. The pods",
            "pass the restricted Pod Security Standard; an overlay that weakens them is refused, naming the field."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  loadtest render perf/locustfile.py -u 500 -s 4 -t 5m -H https://staging.example.com",
            "  loadtest render perf/ --worker-cpu 4 --pod-overlay perf/pod.yaml --run-id shop-42-abcde > plan.yaml",
            "",
            "Exit codes: 0 rendered, 2 invalid input (each error names the option and the fix)."
        })
final class RenderCommand implements Callable<Integer> {
    @Mixin
    SpecOptions options = new SpecOptions();

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description = "Run id used in names and labels (default: a new one from --job-name).")
    String runId;

    @Option(
            names = "--job-name",
            paramLabel = "NAME",
            description = "Job name a new run id is made from (default: loadtest).")
    String jobName = "loadtest";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws LoadTestException {
        LoadTestSpec spec = options.toBuilder().build();
        FieldMessages.printWarnings(spec, command.commandLine().getErr());
        String id = runId == null ? RunIds.create(jobName, 0) : runId;
        if (!RunIds.isValid(id)) {
            throw new InvalidSpecException(List.of(new FieldError(
                    "--run-id",
                    id,
                    "use lower-case letters, digits and dashes, at most " + RunIds.MAX_LENGTH
                            + " characters, starting and ending with a letter or digit")));
        }
        RunRequest request = new RunRequest(id, spec, RunFiles.of(spec));
        command.commandLine().getOut().print(ManifestYaml.of(KubernetesRenderer.render(request)));
        return ExitCodes.PASSED;
    }
}
