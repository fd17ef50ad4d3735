package io.jenkins.plugins.locust.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every data-bound parameter of every {@link Describable} in the plugin (constructor parameters and
 * {@code @DataBoundSetter}s) has an {@code <f:entry field=…>} in its {@code config.jelly} and a
 * {@code help-<field>.html}; and the form has no field that nothing binds.
 */
class DescribableFormsTest {
    private static final String FORM_NAMESPACE = "/lib/form";

    @Test
    void shouldFindTheDescribablesOfThePlugin() throws Exception {
        assertThat(describables())
                .extracting(Class::getName)
                .contains("io.jenkins.plugins.locust.jenkins.steps.LoadTestStep");
    }

    @Test
    void shouldOfferAFormFieldAndHelpForEveryDataBoundParameter() throws Exception {
        for (Class<?> describable : describables()) {
            Set<String> parameters = dataBoundNames(describable);
            String folder = describable.getName().replace('.', '/').replace('$', '/') + "/";

            assertThat(formFields(resource(folder + "config.jelly")))
                    .as("<f:entry field=…> in %sconfig.jelly", folder)
                    .containsExactlyInAnyOrderElementsOf(parameters);
            assertThat(resource(folder + "help.html")).as(folder + "help.html").isNotNull();
            for (String parameter : parameters) {
                assertThat(resource(folder + "help-" + parameter + ".html"))
                        .as("%shelp-%s.html", folder, parameter)
                        .isNotNull();
            }
        }
    }

    static Set<String> dataBoundNames(Class<?> type) {
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

    private static Set<String> formFields(URL configJelly) throws Exception {
        assertThat(configJelly).as("config.jelly").isNotNull();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document;
        try (InputStream in = configJelly.openStream()) {
            document = factory.newDocumentBuilder().parse(in);
        }
        Set<String> fields = new TreeSet<>();
        NodeList entries = document.getElementsByTagNameNS(FORM_NAMESPACE, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            String field = ((Element) entries.item(i)).getAttribute("field");
            assertThat(field)
                    .as("every <f:entry> of %s names its field", configJelly)
                    .isNotEmpty();
            fields.add(field);
        }
        return fields;
    }

    private static URL resource(String name) {
        return DescribableFormsTest.class.getClassLoader().getResource(name);
    }

    /** The concrete, public describables compiled from this module. */
    private static List<Class<?>> describables() throws IOException, ClassNotFoundException {
        Path classes = Paths.get("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, DescribableFormsTest.class.getClassLoader());
                if (Describable.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
