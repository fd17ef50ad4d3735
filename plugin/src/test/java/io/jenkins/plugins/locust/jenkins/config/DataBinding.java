package io.jenkins.plugins.locust.jenkins.config;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Binds and reads back data-bound objects the way Stapler's form binding and configuration-as-code do: the
 * {@code @DataBoundConstructor}'s parameters by name, then each {@code @DataBoundSetter}; nested describables from
 * nested maps, lists from lists (by the generic element type). Reading back uses the getters, as the configuration
 * export and the form do. No Jenkins here, so this stands in for Stapler's {@code RequestImpl.bindJSON}.
 */
final class DataBinding {
    private DataBinding() {}

    static <T> T instantiate(Class<T> type, Map<String, ?> values) throws Exception {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        Constructor<?> constructor = dataBoundConstructor(type);
        List<Object> arguments = new ArrayList<>();
        for (Parameter parameter : constructor.getParameters()) {
            arguments.add(convert(parameter.getParameterizedType(), rest.remove(parameter.getName())));
        }
        T instance = type.cast(constructor.newInstance(arguments.toArray()));
        bindSetters(instance, rest);
        return instance;
    }

    static void bindSetters(Object instance, Map<String, ?> values) throws Exception {
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Method setter = setter(instance.getClass(), entry.getKey());
            setter.invoke(instance, convert(setter.getGenericParameterTypes()[0], entry.getValue()));
        }
    }

    /** Every data-bound value as the getters give it back, nested describables and lists as maps and lists. */
    static Map<String, Object> uninstantiate(Object instance) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        Class<?> type = instance.getClass();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String name = Introspector.decapitalize(method.getName().substring(3));
                values.put(name, export(getter(type, name).invoke(instance)));
            }
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    values.put(
                            parameter.getName(),
                            export(getter(type, parameter.getName()).invoke(instance)));
                }
            }
        }
        values.values().removeIf(v -> v == null);
        return values;
    }

    private static Object export(Object value) throws Exception {
        if (value instanceof List<?> list) {
            List<Object> exported = new ArrayList<>();
            for (Object element : list) {
                exported.add(export(element));
            }
            return exported;
        }
        if (value != null && !(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            return uninstantiate(value);
        }
        return value;
    }

    private static Object convert(Type type, Object value) throws Exception {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> nested = (Map<String, ?>) map;
            return instantiate((Class<?>) type, nested);
        }
        if (value instanceof List<?> list && type instanceof ParameterizedType generic) {
            List<Object> converted = new ArrayList<>();
            for (Object element : list) {
                converted.add(convert(generic.getActualTypeArguments()[0], element));
            }
            return converted;
        }
        return value;
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        throw new IllegalArgumentException(type + " has no public @DataBoundConstructor");
    }

    private static Method setter(Class<?> type, String name) {
        String setterName = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(setterName)
                    && method.getParameterCount() == 1
                    && method.isAnnotationPresent(DataBoundSetter.class)) {
                return method;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " binds no '" + name + "'");
    }

    private static Method getter(Class<?> type, String name) throws NoSuchMethodException {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            return type.getMethod("get" + suffix);
        } catch (NoSuchMethodException e) {
            return type.getMethod("is" + suffix);
        }
    }
}
