package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The run's files (user scripts, helpers, data, reporter) as one ConfigMap. ConfigMap keys cannot hold slashes, so
 * every relative path maps to a flat key ({@code helpers/common.py} → {@code helpers--common.py}) and the volume's
 * {@code items[].path} restores the folder tree. Text files go to {@code data}, anything not UTF-8 to
 * {@code binaryData}.
 *
 * @param items the key → path list for the ConfigMap volume
 */
record ScriptConfigMap(ConfigMap configMap, List<KeyToPath> items) {
    /** What the API server accepts for a ConfigMap's data (etcd's object limit leaves room for metadata). */
    static final long MAX_BYTES = 1024L * 1024L;

    static ScriptConfigMap of(
            Map<String, byte[]> files, String name, Map<String, String> labels, Map<String, String> annotations) {
        Map<String, String> data = new TreeMap<>();
        Map<String, String> binaryData = new TreeMap<>();
        List<KeyToPath> items = new ArrayList<>();
        Set<String> usedKeys = new HashSet<>();
        long total = 0;
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            String path = checkedPath(file.getKey());
            String key = uniqueKey(path, usedKeys);
            String text = utf8(file.getValue());
            if (text != null) {
                data.put(key, text);
                total += key.length() + (long) file.getValue().length;
            } else {
                String encoded = Base64.getEncoder().encodeToString(file.getValue());
                binaryData.put(key, encoded);
                total += key.length() + (long) encoded.length();
            }
            items.add(new KeyToPathBuilder().withKey(key).withPath(path).build());
        }
        if (total > MAX_BYTES) {
            throw tooLarge(files, total);
        }
        ConfigMap configMap = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .withAnnotations(annotations.isEmpty() ? null : annotations)
                .endMetadata()
                .withData(data.isEmpty() ? null : data)
                .withBinaryData(binaryData.isEmpty() ? null : binaryData)
                .withImmutable(true)
                .build();
        return new ScriptConfigMap(configMap, items);
    }

    /** A valid ConfigMap key ({@code [-._a-zA-Z0-9]+}) for a path, distinct from every key already used. */
    static String uniqueKey(String path, Set<String> used) {
        String base = path.replace("/", "--").replaceAll("[^-._a-zA-Z0-9]", "_");
        if (base.length() > 240) {
            base = base.substring(base.length() - 240);
        }
        String key = base;
        for (int n = 2; !used.add(key); n++) {
            key = n + "-" + base;
        }
        return key;
    }

    private static String checkedPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")) {
            throw new IllegalArgumentException(
                    "Run file path '" + path + "' must be relative, with forward slashes and without '..'");
        }
        return path;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static InvalidSpecException tooLarge(Map<String, byte[]> files, long total) {
        Map.Entry<String, byte[]> largest = files.entrySet().stream()
                .max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.length, b.length)))
                .orElseThrow();
        return new InvalidSpecException(List.of(new FieldError(
                "script",
                files.size() + " files, " + mib(total),
                "the run files (largest: " + largest.getKey() + ", " + mib(largest.getValue().length)
                        + ") exceed the 1 MiB a Kubernetes ConfigMap can hold; move large data files out of the"
                        + " script folder (generate or download them in the locustfile), or build a custom image"
                        + " with them baked in (FROM locustio/locust:<version>, COPY) and set image")));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
