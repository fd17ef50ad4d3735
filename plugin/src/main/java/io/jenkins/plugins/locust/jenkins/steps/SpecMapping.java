package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.spec.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Maps the step's parameters onto core's spec builder, one line per parameter: validation and defaults stay in core.
 * The {@code KEY=VALUE} lists the step takes as text ({@code env}, {@code nodeSelector}) are split here, and their
 * errors are reported together with core's, so the user sees every bad field at once.
 */
final class SpecMapping {
    private SpecMapping() {}

    /**
     * @param workspace the folder the script path is relative to
     * @param env the step's {@code env} entries: {@code NAME=value}, or {@code NAME} for the build's own value
     * @param buildEnv the build's environment (withEnv, environment {}, withCredentials), for {@code NAME} entries
     * @throws InvalidSpecException naming every bad field, before anything starts
     */
    static LoadTestSpec toSpec(StepParameters p, Path workspace, List<String> env, Map<String, String> buildEnv) {
        return toSpec(p, workspace, env, buildEnv, builder -> {});
    }

    /** @param defaults the administrator's defaults, set before the step's own values (which win) */
    static LoadTestSpec toSpec(
            StepParameters p,
            Path workspace,
            List<String> env,
            Map<String, String> buildEnv,
            Consumer<LoadTestSpecBuilder> defaults) {
        List<FieldError> errors = new ArrayList<>();
        LoadTestSpecBuilder builder = LoadTestSpec.builder();
        defaults.accept(builder);
        builder.workspace(workspace).script(p.text("script"));
        ifGiven(p.text("locustfile"), builder::locustfile);
        ifGiven(p.integer("users"), builder::users);
        ifGiven(p.integer("slaves"), builder::slaves);
        ifGiven(p.number("spawnRate"), builder::spawnRate);
        ifGiven(p.text("runTime"), builder::runTime);
        ifGiven(p.text("host"), builder::host);
        builder.thresholds(p.lines("thresholds"));
        p.lines("stages").forEach(builder::stage);
        environment(env, buildEnv, errors).forEach(builder::env);
        p.lines("locustArgs").forEach(builder::locustArg);
        p.lines("tags").forEach(builder::tag);
        p.lines("excludeTags").forEach(builder::excludeTag);
        ifGiven(p.integer("processes"), builder::processes);
        p.lines("hostAliases").forEach(builder::hostAlias);
        ifGiven(p.text("startTimeout"), builder::startTimeout);
        ifGiven(p.text("stopTimeout"), builder::stopTimeout);
        ifGiven(p.text("image"), builder::image);
        // given resources replace the configured ones for that pod as a whole (core's builder takes them whole)
        Resources master = Resources.MASTER_DEFAULT;
        if (p.text("masterCpu") != null || p.text("masterMemory") != null) {
            builder.masterResources(new Resources(
                    or(p.text("masterCpu"), master.cpuRequest()),
                    master.cpuLimit(),
                    or(p.text("masterMemory"), master.memoryRequest()),
                    or(p.text("masterMemory"), master.memoryLimit())));
        }
        Resources worker = Resources.WORKER_DEFAULT;
        if (p.text("workerCpu") != null || p.text("workerCpuLimit") != null || p.text("workerMemory") != null) {
            builder.workerResources(new Resources(
                    or(p.text("workerCpu"), worker.cpuRequest()),
                    or(p.text("workerCpuLimit"), worker.cpuLimit()),
                    or(p.text("workerMemory"), worker.memoryRequest()),
                    or(p.text("workerMemory"), worker.memoryLimit())));
        }
        KubernetesOptions kubernetes = KubernetesOptions.DEFAULT;
        builder.kubernetes(new KubernetesOptions(
                p.text("namespace"),
                p.text("serviceAccount"),
                p.lines("imagePullSecrets"),
                pairs("nodeSelector", p.lines("nodeSelector"), "pool=load", errors),
                p.text("podOverlay"),
                p.flag("webUi"),
                or(p.integer("maxWorkerLogs"), kubernetes.maxFollowedWorkerLogs()),
                kubernetes.buildUrl()));
        return build(builder, errors);
    }

    private static LoadTestSpec build(LoadTestSpecBuilder builder, List<FieldError> stepErrors) {
        try {
            LoadTestSpec spec = builder.build();
            if (!stepErrors.isEmpty()) {
                throw new InvalidSpecException(stepErrors);
            }
            return spec;
        } catch (InvalidSpecException e) {
            if (stepErrors.isEmpty()) {
                throw e;
            }
            List<FieldError> all = new ArrayList<>(stepErrors);
            e.getErrors().stream().filter(error -> !stepErrors.contains(error)).forEach(all::add);
            throw new InvalidSpecException(all);
        }
    }

    /** The locustfile's environment: {@code NAME=value} as given, {@code NAME} from the build's environment. */
    private static Map<String, String> environment(
            List<String> entries, Map<String, String> buildEnv, List<FieldError> errors) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                env.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
            } else if (equals < 0 && buildEnv.containsKey(entry)) {
                env.put(entry, buildEnv.get(entry));
            } else if (equals < 0) {
                errors.add(new FieldError("env", entry, Messages.SpecMapping_EnvMissing(entry)));
            } else {
                errors.add(new FieldError("env", entry, Messages.SpecMapping_EnvInvalid()));
            }
        }
        return env;
    }

    private static Map<String, String> pairs(
            String field, List<String> lines, String example, List<FieldError> errors) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                errors.add(new FieldError(field, line, Messages.SpecMapping_PairInvalid(example)));
            } else {
                pairs.put(
                        line.substring(0, equals).trim(),
                        line.substring(equals + 1).trim());
            }
        }
        return pairs;
    }

    private static <T> T or(@CheckForNull T given, T fallback) {
        return given == null ? fallback : given;
    }

    private static <T> void ifGiven(@CheckForNull T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
