package io.jenkins.plugins.locust.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The data-bound parameter names of a describable, as Stapler and structs find them. */
public final class DataBoundParameters {
    private DataBoundParameters() {}

    /** Constructor parameters (compiled with -parameters) and {@code @DataBoundSetter} properties. */
    public static Set<String> names(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    assertThat(parameter.isNamePresent())
                            .as("compiled with -parameters")
                            .isTrue();
                    names.add(parameter.getName());
                }
            }
        }
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Method method : current.getDeclaredMethods()) {
                if (method.isAnnotationPresent(DataBoundSetter.class)) {
                    assertThat(method.getName()).startsWith("set");
                    names.add(Introspector.decapitalize(method.getName().substring(3)));
                }
            }
            for (Field field : current.getDeclaredFields()) {
                if (field.isAnnotationPresent(DataBoundSetter.class)) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }
}
