package io.jenkins.plugins.locust.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the fields fabric8 did not know when it read a pod overlay: its model keeps them in
 * {@code additionalProperties} instead of failing, so a misspelt {@code tolerations} would otherwise be sent to the
 * API server and ignored there. Walks the model objects through their getters.
 */
final class UnknownFields {
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private final List<String> found = new ArrayList<>();

    private UnknownFields() {}

    /** The paths of unknown fields, e.g. {@code spec.containers[locust].resource}. */
    static List<String> in(Object model, String path) {
        UnknownFields walk = new UnknownFields();
        walk.visit(model, path);
        return List.copyOf(walk.found);
    }

    private void visit(Object node, String path) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visit(list.get(i), path + "[" + itemName(list.get(i), i) + "]");
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> visit(value, path + "." + key));
        } else if (node != null && node.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            for (Method getter : node.getClass().getMethods()) {
                if (isProperty(getter)) {
                    property(node, getter, path);
                }
            }
        }
    }

    private void property(Object node, Method getter, String path) {
        Object value;
        try {
            value = getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return; // a computed getter (e.g. Quantity's numerical amount) that is not a field
        }
        if (getter.getName().equals("getAdditionalProperties")) {
            if (value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> found.add(path + "." + key));
            }
        } else {
            String name = getter.getName().substring(3);
            visit(value, path + "." + name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1));
        }
    }

    private static boolean isProperty(Method method) {
        return method.getName().startsWith("get")
                && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass().getPackageName().startsWith(MODEL_PACKAGE);
    }

    private static String itemName(Object item, int index) {
        try {
            Object name = item.getClass().getMethod("getName").invoke(item);
            return name instanceof String text ? text : String.valueOf(index);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return String.valueOf(index);
        }
    }
}
