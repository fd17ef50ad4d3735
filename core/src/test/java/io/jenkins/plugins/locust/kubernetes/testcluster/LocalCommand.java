package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A container's command as a local process: the image's {@code locust} entry point becomes the venv's Locust, mount
 * paths become the pod's folders, and Locust's network settings become the pod's loopback address and mapped ports
 * (the master binds its own address; a worker's {@code --master-host} service name resolves to the master pod).
 */
record LocalCommand(List<String> argv, Map<String, String> env, Path workingDir) {

    /** Resolves a Locust master host (a Service name) and port to a local endpoint, or fails if it cannot yet. */
    interface Resolver {
        LocalNetwork.Endpoint resolve(String host, int port) throws ContainerConfigException;
    }

    static final class ContainerConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        ContainerConfigException(String message) {
            super(message);
        }
    }

    static LocalCommand of(
            Pod pod,
            Container container,
            Path venv,
            Map<String, Path> mounts,
            Path home,
            Function<Integer, Integer> podPorts,
            Resolver resolver,
            Map<String, String> containerEnv)
            throws ContainerConfigException {
        String podIp = pod.getStatus().getPodIP();
        List<Map.Entry<String, Path>> byLength = new ArrayList<>(mounts.entrySet());
        byLength.sort(Comparator.comparingInt(
                        (Map.Entry<String, Path> e) -> e.getKey().length())
                .reversed());
        // Mount paths wherever a path starts in a value ("-f /mnt/a.py,/mnt/b.py"), longest first, in one pass.
        Pattern mountPaths = Pattern.compile("(?<=^|[,=:])("
                + byLength.stream().map(e -> Pattern.quote(e.getKey())).collect(Collectors.joining("|"))
                + ")(?=/|,|:|$)");
        Function<String, String> paths = value -> byLength.isEmpty()
                ? value
                : mountPaths
                        .matcher(value)
                        .replaceAll(m ->
                                Matcher.quoteReplacement(mounts.get(m.group(1)).toString()));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", venv.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("HOSTNAME", pod.getMetadata().getName());
        env.put("PYTHONUNBUFFERED", "1"); // as the locustio/locust image sets it
        containerEnv.forEach((k, v) -> env.put(k, paths.apply(v)));

        List<String> argv = new ArrayList<>();
        List<String> command = container.getCommand() == null ? List.of() : container.getCommand();
        argv.addAll(command.isEmpty() ? List.of("locust") : command);
        if (container.getArgs() != null) {
            argv.addAll(container.getArgs());
        }
        argv.replaceAll(paths::apply);
        argv.set(0, executable(argv.get(0), venv));

        LocustFlags flags = new LocustFlags(argv, env);
        if (flags.isMaster()) {
            flags.set("--master-bind-host", "LOCUST_MASTER_BIND_HOST", podIp);
            int port = flags.intValue("--master-bind-port", "LOCUST_MASTER_BIND_PORT", 5557);
            flags.set("--master-bind-port", "LOCUST_MASTER_BIND_PORT", String.valueOf(podPorts.apply(port)));
            flags.set("--web-host", "LOCUST_WEB_HOST", podIp);
            int web = flags.intValue("--web-port", "LOCUST_WEB_PORT", 8089);
            flags.set("--web-port", "LOCUST_WEB_PORT", String.valueOf(podPorts.apply(web)));
        } else if (flags.isWorker()) {
            String host = flags.value("--master-host", "LOCUST_MASTER_NODE_HOST", "127.0.0.1");
            int port = flags.intValue("--master-port", "LOCUST_MASTER_NODE_PORT", 5557);
            LocalNetwork.Endpoint master = resolver.resolve(host, port);
            flags.set("--master-host", "LOCUST_MASTER_NODE_HOST", master.ip());
            flags.set("--master-port", "LOCUST_MASTER_NODE_PORT", String.valueOf(master.port()));
        }
        String workingDir = container.getWorkingDir();
        return new LocalCommand(argv, env, workingDir == null ? home : Path.of(paths.apply(workingDir)));
    }

    private static String executable(String entry, Path venv) {
        String name = entry.substring(entry.lastIndexOf('/') + 1);
        return switch (name) {
            case "locust" -> venv.resolve("bin/locust").toString();
            case "python", "python3" -> venv.resolve("bin/python").toString();
            default -> entry;
        };
    }
}
