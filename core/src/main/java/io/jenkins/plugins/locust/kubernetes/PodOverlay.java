package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Merges the user's pod YAML ({@code KubernetesOptions.podOverlayYaml}: a Pod, or just a pod spec) over a rendered
 * pod template. Maps merge key by key, lists of named items (containers, env, volumes, volume mounts…) merge by
 * {@code name}, other lists are appended, and scalars from the overlay win. Containers the overlay adds get our
 * container security settings where they set none. The result must still pass {@link PodSecurityCheck} and keep
 * the run's labels: anything else is an error naming the field, never a silent downgrade.
 */
final class PodOverlay {
    static final String FIELD = "podOverlayYaml";

    private PodOverlay() {}

    static PodTemplateSpec apply(PodTemplateSpec template, String overlayYaml) {
        if (overlayYaml == null || overlayYaml.isBlank()) {
            return template;
        }
        PodTemplateSpec result = merge(template, overlayYaml);
        check(template, result);
        return result;
    }

    /**
     * The overlay merged over the template, with our container security defaults filled in, but not yet checked
     * against the pod security and the API server's rules (tests hold those checks against the real admission).
     */
    static PodTemplateSpec merge(PodTemplateSpec template, String overlayYaml) {
        Map<String, Object> overlay = parse(overlayYaml);
        Map<String, Object> merged = asMap(template);
        if (overlay.containsKey("spec") || overlay.containsKey("metadata")) {
            merge(merged, "spec", overlay.get("spec"));
            merge(merged, "metadata", onlyLabelsAndAnnotations(overlay.get("metadata")));
        } else {
            merge(merged, "spec", overlay);
        }
        PodTemplateSpec result = convert(merged);
        List<String> unknown = UnknownFields.in(result, "");
        if (!unknown.isEmpty()) {
            throw new InvalidSpecException(unknown.stream()
                    .map(field -> new FieldError(
                            FIELD,
                            field.substring(1),
                            "not a field of a Kubernetes pod (misspelt?); check it against the Pod API reference"))
                    .toList());
        }
        list(result.getSpec().getContainers()).forEach(PodOverlay::secureByDefault);
        list(result.getSpec().getInitContainers()).forEach(PodOverlay::secureByDefault);
        return result;
    }

    /** Fills the security settings a container left unset; explicit values stay for the check to judge. */
    static void secureByDefault(Container container) {
        SecurityContext ours = PodTemplates.containerSecurity();
        SecurityContext context = container.getSecurityContext();
        if (context == null) {
            container.setSecurityContext(ours);
            return;
        }
        if (context.getAllowPrivilegeEscalation() == null) {
            context.setAllowPrivilegeEscalation(false);
        }
        if (context.getReadOnlyRootFilesystem() == null) {
            context.setReadOnlyRootFilesystem(true);
        }
        if (context.getCapabilities() == null) {
            context.setCapabilities(ours.getCapabilities());
        } else if (list(context.getCapabilities().getDrop()).isEmpty()) {
            context.getCapabilities().setDrop(List.of("ALL"));
        }
    }

    private static void check(PodTemplateSpec template, PodTemplateSpec result) {
        List<FieldError> errors = new ArrayList<>();
        for (PodSecurityCheck.Violation violation : PodSecurityCheck.check(result)) {
            errors.add(new FieldError(
                    FIELD,
                    violation.field() + ": " + violation.value(),
                    "the overlay weakens the pod security (" + violation.rule() + "); remove that setting from the"
                            + " overlay"));
        }
        for (PodFieldCheck.Problem problem : PodFieldCheck.check(result)) {
            errors.add(new FieldError(FIELD, problem.field() + ": " + problem.value(), problem.fix()));
        }
        template.getMetadata().getLabels().forEach((label, value) -> {
            String now = result.getMetadata().getLabels().get(label);
            if (!Objects.equals(value, now)) {
                errors.add(new FieldError(
                        FIELD,
                        "metadata.labels." + label + ": " + now,
                        "the run's labels select and clean up its pods; remove this label from the overlay"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors);
        }
    }

    private static Map<String, Object> parse(String yaml) {
        Object parsed;
        try {
            parsed = ManifestYaml.SERIALIZATION.unmarshal(yaml, Object.class);
        } catch (RuntimeException e) {
            throw invalid(firstLine(yaml), "not valid YAML (" + firstLine(String.valueOf(e.getMessage())) + ")");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw invalid(firstLine(yaml), "write a Pod (apiVersion: v1, kind: Pod, spec: …) or a pod spec as YAML");
        }
        return copy(map);
    }

    private static Object onlyLabelsAndAnnotations(Object metadata) {
        if (!(metadata instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        Stream.of("labels", "annotations").filter(map::containsKey).forEach(key -> kept.put(key, map.get(key)));
        return kept;
    }

    /** Merges {@code value} into {@code target[key]} with the rules in the class comment. */
    static void merge(Map<String, Object> target, String key, Object value) {
        if (value == null) {
            return;
        }
        Object current = target.get(key);
        if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
            Map<String, Object> result = copy(currentMap);
            valueMap.forEach((k, v) -> merge(result, String.valueOf(k), v));
            target.put(key, result);
        } else if (current instanceof List<?> currentList && value instanceof List<?> valueList) {
            target.put(key, mergeLists(currentList, valueList));
        } else {
            target.put(key, value);
        }
    }

    private static List<Object> mergeLists(List<?> current, List<?> added) {
        List<Object> result = new ArrayList<>(current);
        for (Object item : added) {
            int same = named(item) == null ? -1 : indexOfName(result, named(item));
            if (same >= 0) {
                Map<String, Object> holder = new LinkedHashMap<>();
                holder.put("item", result.get(same));
                merge(holder, "item", item);
                result.set(same, holder.get("item"));
            } else {
                result.add(item);
            }
        }
        return result;
    }

    private static int indexOfName(List<Object> items, String name) {
        for (int i = 0; i < items.size(); i++) {
            if (name.equals(named(items.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String named(Object item) {
        return item instanceof Map<?, ?> map && map.get("name") instanceof String name ? name : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(PodTemplateSpec template) {
        return ManifestYaml.SERIALIZATION.convertValue(template, LinkedHashMap.class);
    }

    private static PodTemplateSpec convert(Map<String, Object> merged) {
        try {
            return ManifestYaml.SERIALIZATION.convertValue(merged, PodTemplateSpec.class);
        } catch (IllegalArgumentException e) {
            throw invalid("spec", "does not fit a pod spec (" + firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static InvalidSpecException invalid(String value, String message) {
        return new InvalidSpecException(List.of(new FieldError(FIELD, value, message)));
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
