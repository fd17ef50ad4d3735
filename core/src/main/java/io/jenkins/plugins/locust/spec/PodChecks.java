package io.jenkins.plugins.locust.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of the fields that end up in the pods: image, resources, host aliases, Kubernetes names. */
final class PodChecks {
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final Findings findings;

    PodChecks(Findings findings) {
        this.findings = findings;
    }

    void image(String image) {
        String pin = "pin a released version, e.g. " + LoadTestSpec.DEFAULT_IMAGE
                + " (latest changes under you: runs stop being comparable)";
        if (image == null || image.isBlank()) {
            findings.error("image", image, "name the Locust image; " + pin);
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastPart.indexOf(':');
        if (colon < 0) {
            findings.error("image", image, "the image has no tag, which means latest; " + pin);
        } else if (lastPart.substring(colon + 1).equals("latest")) {
            findings.error("image", image, "the latest tag is not allowed; " + pin);
        } else if (!TAG.matcher(lastPart.substring(colon + 1)).matches()) {
            findings.error("image", image, "the tag is not valid; " + pin);
        }
    }

    void resources(String role, Resources resources) {
        if (resources == null) {
            return;
        }
        Optional<BigDecimal> cpuRequest = quantity(role + ".cpuRequest", resources.cpuRequest(), true);
        Optional<BigDecimal> cpuLimit = quantity(role + ".cpuLimit", resources.cpuLimit(), true);
        Optional<BigDecimal> memoryRequest = quantity(role + ".memoryRequest", resources.memoryRequest(), false);
        Optional<BigDecimal> memoryLimit = quantity(role + ".memoryLimit", resources.memoryLimit(), false);
        limitNotBelowRequest(role + ".cpuLimit", resources.cpuLimit(), cpuLimit, cpuRequest, resources.cpuRequest());
        limitNotBelowRequest(
                role + ".memoryLimit", resources.memoryLimit(), memoryLimit, memoryRequest, resources.memoryRequest());
    }

    private Optional<BigDecimal> quantity(String field, String text, boolean cpu) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> amount = Quantity.parse(text);
        String example = cpu ? "500m, 1 or 2.5 (cores)" : "512Mi or 2Gi (bytes)";
        if (amount.isEmpty() || amount.get().signum() == 0) {
            findings.error(field, text, "use a Kubernetes quantity above zero such as " + example);
            return Optional.empty();
        }
        String suffix = Quantity.suffix(text);
        if (!cpu && suffix.equals("m")) {
            findings.error(field, text, "m means thousandths of a byte here; write Mi for mebibytes, e.g. 512Mi");
            return Optional.empty();
        }
        if (cpu && suffix.endsWith("i")) {
            findings.error(field, text, "CPU is counted in cores or millicores, e.g. " + example);
            return Optional.empty();
        }
        return amount;
    }

    private void limitNotBelowRequest(
            String field, String limitText, Optional<BigDecimal> limit, Optional<BigDecimal> request, String req) {
        if (limit.isPresent() && request.isPresent() && limit.get().compareTo(request.get()) < 0) {
            findings.error(
                    field, limitText, "the limit is below the request " + req + "; raise it or lower the request");
        }
    }

    List<HostAlias> hostAliases(List<String> texts) {
        List<HostAlias> aliases = new ArrayList<>();
        for (String text : texts) {
            int eq = text == null ? -1 : text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                findings.error("hostAliases", text, "write IP=name[,name…], e.g. 10.0.0.7=api.internal");
                continue;
            }
            String ip = text.substring(0, eq).trim();
            List<String> names = Arrays.stream(text.substring(eq + 1).split(","))
                    .map(String::trim)
                    .toList();
            boolean ok = true;
            if (!NetworkNames.isIpLiteral(ip)) {
                findings.error("hostAliases", text, "'" + ip + "' is not an IP address; hostAliases map IPs to names");
                ok = false;
            }
            for (String name : names) {
                if (!NetworkNames.isDnsSubdomain(name)) {
                    findings.error(
                            "hostAliases",
                            text,
                            "'" + name + "' is not a valid host name (lower-case letters, digits, '-' and '.')");
                    ok = false;
                }
            }
            if (ok) {
                aliases.add(new HostAlias(ip, names));
            }
        }
        return aliases;
    }

    void kubernetes(KubernetesOptions options) {
        if (options == null) {
            findings.error("kubernetes", null, "leave the Kubernetes options unset to use the defaults");
            return;
        }
        if (options.namespace() != null && !NetworkNames.isDnsLabel(options.namespace())) {
            findings.error(
                    "namespace",
                    options.namespace(),
                    "a namespace name is at most 63 lower-case letters, digits and '-', e.g. load-tests");
        }
        if (options.serviceAccount() != null && !NetworkNames.isDnsSubdomain(options.serviceAccount())) {
            findings.error(
                    "serviceAccount",
                    options.serviceAccount(),
                    "a service account name is lower-case letters, digits, '-' and '.', e.g. locust-runner");
        }
        for (String secret : options.imagePullSecrets()) {
            if (secret == null || !NetworkNames.isDnsSubdomain(secret)) {
                findings.error("imagePullSecrets", secret, "name an existing Secret, e.g. registry-credentials");
            }
        }
        options.nodeSelector().forEach((key, value) -> {
            LabelSyntax.keyProblem(key)
                    .ifPresent(problem -> findings.error("nodeSelector", key + "=" + value, problem));
            LabelSyntax.valueProblem(value)
                    .ifPresent(problem -> findings.error("nodeSelector", key + "=" + value, problem));
        });
        if (options.maxFollowedWorkerLogs() < 0) {
            findings.error(
                    "maxFollowedWorkerLogs",
                    options.maxFollowedWorkerLogs(),
                    "use 0 (master log only) or more worker logs to follow live");
        }
    }
}
