package io.jenkins.plugins.locust.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Limits an administrator sets on every load test, checked on a validated spec before anything is created. Null (or
 * an empty allow-list) means no limit. Every message names the limit, the value asked for, and where the limit is set.
 *
 * @param maxUsers peak concurrent users (the users, or the largest stage)
 * @param maxSlaves worker pods or processes
 * @param maxWorkerCpu CPU all workers request together (slaves × worker CPU request), in cores
 * @param maxRunTime the planned duration (the run time, or the sum of the stages)
 * @param allowedHosts the target hosts a test may aim at
 * @param setBy where an administrator changes the limits, for the messages (e.g. "Manage Jenkins » System")
 */
public record LoadTestQuotas(
        Integer maxUsers,
        Integer maxSlaves,
        BigDecimal maxWorkerCpu,
        Duration maxRunTime,
        TargetAllowList allowedHosts,
        String setBy) {
    public static final LoadTestQuotas NONE = new LoadTestQuotas(null, null, null, null, TargetAllowList.ANY, "");

    public LoadTestQuotas {
        allowedHosts = allowedHosts == null ? TargetAllowList.ANY : allowedHosts;
        setBy = setBy == null ? "" : setBy;
    }

    /**
     * Reads the limits as an administrator typed them (blank = no limit).
     *
     * @throws InvalidSpecException naming every setting that is not usable, so that a broken limit stops the run
     *     instead of silently allowing everything
     */
    public static LoadTestQuotas parse(
            String maxUsers,
            String maxSlaves,
            String maxWorkerCpu,
            String maxRunTime,
            String allowedHosts,
            String setBy) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "maxUsers", maxUsers, SettingChecks.wholeNumber("Max users", maxUsers));
        check(errors, "maxSlaves", maxSlaves, SettingChecks.wholeNumber("Max slaves", maxSlaves));
        check(errors, "maxWorkerCpu", maxWorkerCpu, SettingChecks.cpu("Max total worker CPU", maxWorkerCpu));
        check(errors, "maxRunTime", maxRunTime, SettingChecks.duration("Max run time", maxRunTime));
        check(errors, "allowedHosts", allowedHosts, SettingChecks.hostPatterns("Allowed target hosts", allowedHosts));
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors.stream()
                    .map(e -> new FieldError(
                            e.field(), e.value(), e.message() + " An administrator fixes it in " + setBy + "."))
                    .toList());
        }
        return new LoadTestQuotas(
                value(maxUsers, Integer::valueOf),
                value(maxSlaves, Integer::valueOf),
                SettingChecks.amount(maxWorkerCpu).orElse(null),
                value(maxRunTime, text -> DurationParser.parse(text).orElseThrow()),
                TargetAllowList.parse(allowedHosts),
                setBy);
    }

    /** Every limit the spec goes beyond, empty when it fits. */
    public List<FieldError> violations(LoadTestSpec spec) {
        List<FieldError> violations = new ArrayList<>();
        int peakUsers = spec.stages().stream().mapToInt(Stage::users).reduce(spec.users(), Math::max);
        if (maxUsers != null && peakUsers > maxUsers) {
            violations.add(
                    over(spec.stages().isEmpty() ? "users" : "stages", peakUsers + " users", "Max users", maxUsers));
        }
        if (maxSlaves != null && spec.slaves() > maxSlaves) {
            violations.add(over("slaves", String.valueOf(spec.slaves()), "Max slaves", maxSlaves));
        }
        workerCpu(spec).ifPresent(total -> {
            if (maxWorkerCpu != null && total.compareTo(maxWorkerCpu) > 0) {
                violations.add(over(
                        "slaves",
                        spec.slaves() + " × " + spec.workerResources().cpuRequest() + " CPU = "
                                + total.stripTrailingZeros().toPlainString() + " cores",
                        "Max total worker CPU",
                        maxWorkerCpu.stripTrailingZeros().toPlainString() + " cores"));
            }
        });
        Duration planned = spec.plannedDuration();
        if (maxRunTime != null && planned != null && planned.compareTo(maxRunTime) > 0) {
            violations.add(over(
                    spec.stages().isEmpty() ? "runTime" : "stages",
                    DurationParser.format(planned),
                    "Max run time",
                    DurationParser.format(maxRunTime)));
        }
        if (!allowedHosts.allowsAny()) {
            if (spec.host() == null) {
                violations.add(new FieldError(
                        "host",
                        "",
                        "is required: an administrator allows only these target hosts: " + allowedHosts
                                + " (Allowed target hosts, set in " + setBy + "); set host to one of them"));
            } else if (!allowedHosts.allows(spec.host())) {
                violations.add(new FieldError(
                        "host",
                        spec.host(),
                        "is not an allowed target; an administrator allows only " + allowedHosts
                                + " (Allowed target hosts, set in " + setBy + "). Use one of those, or ask an"
                                + " administrator to add this host"));
            }
        }
        return violations;
    }

    /**
     * Fails when the spec goes beyond any limit.
     *
     * @throws QuotaExceededException naming every limit exceeded
     */
    public void check(LoadTestSpec spec) {
        List<FieldError> violations = violations(spec);
        if (!violations.isEmpty()) {
            throw new QuotaExceededException(violations, setBy);
        }
    }

    private FieldError over(String field, String asked, String limit, Object allowed) {
        return new FieldError(
                field,
                asked,
                "more than " + limit + " (" + allowed + "), the limit an administrator set in " + setBy
                        + ". Ask for less, or ask an administrator to raise the limit");
    }

    private static Optional<BigDecimal> workerCpu(LoadTestSpec spec) {
        if (spec.workerResources() == null) {
            return Optional.empty();
        }
        return SettingChecks.amount(spec.workerResources().cpuRequest())
                .map(perWorker -> perWorker.multiply(BigDecimal.valueOf(spec.slaves())));
    }

    private static void check(List<FieldError> errors, String field, String value, Optional<String> problem) {
        problem.ifPresent(message -> errors.add(new FieldError(field, value.trim(), message)));
    }

    private static <T> T value(String text, Function<String, T> parse) {
        return SettingChecks.blank(text) ? null : parse.apply(text.trim());
    }
}
