package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.locust.kubernetes.testcluster.LocalCommand.ContainerConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the kubelet prepares before a container starts: its volumes as folders, its environment, its host aliases. */
final class PodSetup {
    /** A volume could not be mounted; the pod stays in ContainerCreating with a FailedMount event. */
    static final class MountException extends Exception {
        private static final long serialVersionUID = 1L;

        MountException(String message) {
            super(message);
        }
    }

    private PodSetup() {}

    /** Writes the pod's volumes under {@code podDir} and returns mount path → folder for the container. */
    static Map<String, Path> mount(KubernetesClient client, Pod pod, Container container, Path podDir)
            throws MountException, IOException {
        String ns = pod.getMetadata().getNamespace();
        Map<String, Path> volumes = new LinkedHashMap<>();
        for (Volume volume : pod.getSpec().getVolumes() == null
                ? List.<Volume>of()
                : pod.getSpec().getVolumes()) {
            Path dir = Files.createDirectories(podDir.resolve("volumes").resolve(volume.getName()));
            if (volume.getConfigMap() != null) {
                String name = volume.getConfigMap().getName();
                ConfigMap cm =
                        client.configMaps().inNamespace(ns).withName(name).get();
                if (cm == null) {
                    throw new MountException("MountVolume.SetUp failed for volume \"" + volume.getName()
                            + "\" : configmap \"" + name + "\" not found");
                }
                writeConfigMap(cm, volume.getConfigMap().getItems(), dir);
            }
            volumes.put(volume.getName(), dir);
        }
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (VolumeMount mount :
                container.getVolumeMounts() == null ? List.<VolumeMount>of() : container.getVolumeMounts()) {
            Path dir = volumes.get(mount.getName());
            if (dir == null) {
                throw new MountException("volume \"" + mount.getName() + "\" is not defined in the pod");
            }
            String sub = mount.getSubPath();
            mounts.put(mount.getMountPath(), sub == null || sub.isEmpty() ? dir : dir.resolve(sub));
        }
        return mounts;
    }

    private static void writeConfigMap(ConfigMap cm, List<KeyToPath> items, Path dir) throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        if (cm.getData() != null) {
            cm.getData().forEach((k, v) -> content.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        if (cm.getBinaryData() != null) {
            cm.getBinaryData()
                    .forEach((k, v) -> content.put(k, Base64.getDecoder().decode(v)));
        }
        if (items == null || items.isEmpty()) {
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
            return;
        }
        for (KeyToPath item : items) {
            byte[] bytes = content.get(item.getKey());
            if (bytes != null) {
                Path file = dir.resolve(item.getPath());
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            }
        }
    }

    /** The container's environment values, with references resolved as the kubelet does. */
    static Map<String, String> env(KubernetesClient client, Pod pod, Container container)
            throws ContainerConfigException {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            env.put(var.getName(), var.getValueFrom() == null ? nullToEmpty(var.getValue()) : from(client, pod, var));
        }
        return env;
    }

    private static String from(KubernetesClient client, Pod pod, EnvVar var) throws ContainerConfigException {
        EnvVarSource source = var.getValueFrom();
        String ns = pod.getMetadata().getNamespace();
        if (source.getFieldRef() != null) {
            return switch (source.getFieldRef().getFieldPath()) {
                case "metadata.name" -> pod.getMetadata().getName();
                case "metadata.namespace" -> ns;
                case "status.podIP" -> pod.getStatus().getPodIP();
                case "spec.nodeName" -> pod.getSpec().getNodeName();
                case "status.hostIP" -> "127.0.0.1";
                default -> "";
            };
        }
        if (source.getSecretKeyRef() != null) {
            String name = source.getSecretKeyRef().getName();
            Secret secret = client.secrets().inNamespace(ns).withName(name).get();
            if (secret == null || secret.getData() == null) {
                throw new ContainerConfigException("secret \"" + name + "\" not found");
            }
            String value = secret.getData().get(source.getSecretKeyRef().getKey());
            if (value == null) {
                throw new ContainerConfigException(
                        "couldn't find key " + source.getSecretKeyRef().getKey() + " in Secret " + ns + "/" + name);
            }
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        }
        if (source.getConfigMapKeyRef() != null) {
            String name = source.getConfigMapKeyRef().getName();
            ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
            if (cm == null || cm.getData() == null) {
                throw new ContainerConfigException("configmap \"" + name + "\" not found");
            }
            return nullToEmpty(cm.getData().get(source.getConfigMapKeyRef().getKey()));
        }
        return "1"; // resourceFieldRef: one CPU, which is what a container with a small request sees
    }

    /**
     * The pod's hostAliases for a Python container: an {@code /etc/hosts} cannot be given to one local process, so
     * a {@code sitecustomize} on its PYTHONPATH maps the names in the C resolver functions every Python resolver
     * (gevent's included) calls.
     */
    static LocalCommand hostAliases(Pod pod, LocalCommand command, Path podDir) throws IOException {
        List<HostAlias> aliases = pod.getSpec().getHostAliases();
        if (aliases == null || aliases.isEmpty()) {
            return command;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (HostAlias alias : aliases) {
            alias.getHostnames().forEach(name -> names.putIfAbsent(name, alias.getIp()));
        }
        Path dir = Files.createDirectories(podDir.resolve("hostaliases"));
        Files.writeString(dir.resolve("hostaliases.json"), new KubernetesSerialization().asJson(names));
        Files.writeString(dir.resolve("sitecustomize.py"), SITECUSTOMIZE);
        Map<String, String> env = new LinkedHashMap<>(command.env());
        String path = env.get("PYTHONPATH");
        env.put("PYTHONPATH", path == null || path.isEmpty() ? dir.toString() : dir + ":" + path);
        return new LocalCommand(command.argv(), env, command.workingDir());
    }

    private static final String SITECUSTOMIZE =
            """
            import _socket, json, os
            with open(os.path.join(os.path.dirname(__file__), "hostaliases.json")) as f:
                _aliases = json.load(f)
            def _aliased(resolve):
                def lookup(host, *args, **kwargs):
                    return resolve(_aliases.get(host, host) if isinstance(host, str) else host, *args, **kwargs)
                return lookup
            _socket.getaddrinfo = _aliased(_socket.getaddrinfo)
            _socket.gethostbyname = _aliased(_socket.gethostbyname)
            _socket.gethostbyname_ex = _aliased(_socket.gethostbyname_ex)
            """;

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
