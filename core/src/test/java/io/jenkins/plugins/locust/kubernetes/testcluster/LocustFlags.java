package io.jenkins.plugins.locust.kubernetes.testcluster;

import java.util.List;
import java.util.Map;

/** Reads and rewrites Locust options given as {@code --flag value}, {@code --flag=value} or LOCUST_* variables. */
final class LocustFlags {
    private final List<String> argv;
    private final Map<String, String> env;

    LocustFlags(List<String> argv, Map<String, String> env) {
        this.argv = argv;
        this.env = env;
    }

    boolean isMaster() {
        return argv.contains("--master") || "true".equalsIgnoreCase(env.get("LOCUST_MODE_MASTER"));
    }

    boolean isWorker() {
        return argv.contains("--worker") || "true".equalsIgnoreCase(env.get("LOCUST_MODE_WORKER"));
    }

    String value(String flag, String variable, String fallback) {
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals(flag) && i + 1 < argv.size()) {
                return argv.get(i + 1);
            }
            if (argv.get(i).startsWith(flag + "=")) {
                return argv.get(i).substring(flag.length() + 1);
            }
        }
        return env.getOrDefault(variable, fallback);
    }

    int intValue(String flag, String variable, int fallback) {
        return Integer.parseInt(value(flag, variable, String.valueOf(fallback)));
    }

    /** Replaces the option wherever it is given; the command line wins over the environment, so it goes there. */
    void set(String flag, String variable, String value) {
        env.remove(variable);
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals(flag) && i + 1 < argv.size()) {
                argv.remove(i + 1);
                argv.remove(i);
                i--;
            } else if (argv.get(i).startsWith(flag + "=")) {
                argv.remove(i);
                i--;
            }
        }
        argv.add(flag);
        argv.add(value);
    }
}
