package io.jenkins.plugins.locust.spec;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses Locust's {@code --processes} per worker when the user did not: one process per whole requested CPU, since
 * a Locust worker process uses one core at most. Only for images known to run Locust ≥ 2.19 (the version that added
 * {@code --processes}); any other image gets one process, which every Locust understands.
 */
public final class ProcessSizing {
    private static final Pattern LOCUST_IMAGE = Pattern.compile(".*locust:v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-.].*)?");
    private static final Pattern CPU = Pattern.compile("(\\d+(?:\\.\\d+)?)(m?)");

    private ProcessSizing() {}

    /** Processes per worker for the given worker resources and image; at least 1. */
    public static int forWorker(Resources worker, String image) {
        if (worker == null || !supportsProcesses(image)) {
            return 1;
        }
        return Math.max(1, wholeCpus(worker.cpuRequest()));
    }

    /** Whether the image tag names a Locust version with {@code --processes} (2.19 or later). */
    public static boolean supportsProcesses(String image) {
        Matcher matcher = image == null ? null : LOCUST_IMAGE.matcher(image);
        if (matcher == null || !matcher.matches()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 2 || (major == 2 && minor >= 19);
    }

    /** Whole CPUs in a Kubernetes CPU quantity ({@code 2}, {@code 2.5}, {@code 1500m}); 0 when unset or unparsable. */
    static int wholeCpus(String quantity) {
        Matcher matcher = quantity == null ? null : CPU.matcher(quantity.trim());
        if (matcher == null || !matcher.matches()) {
            return 0;
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        if (!matcher.group(2).isEmpty()) {
            value = value.movePointLeft(3);
        }
        return value.intValue();
    }
}
