package io.jenkins.plugins.locust.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import io.jenkins.plugins.locust.jenkins.steps.LoadTestStep;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
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
    /** Every help text exists in English and in Simplified Chinese. */
    private static final List<String> LOCALES = List.of("", "_zh_CN");

    @Test
    void shouldFindTheDescribablesOfThePlugin() throws Exception {
        assertThat(describables())
                .extracting(Class::getName)
                .contains("io.jenkins.plugins.locust.jenkins.steps.LoadTestStep");
    }

    @Test
    void shouldOfferAFormFieldAndHelpForEveryDataBoundParameter() throws Exception {
        for (Class<?> describable : describables()) {
            Set<String> parameters = DataBoundParameters.names(describable);
            String folder = describable.getName().replace('.', '/').replace('$', '/') + "/";

            assertThat(formFields(resource(folder + "config.jelly")))
                    .as("<f:entry field=…> in %sconfig.jelly", folder)
                    .containsExactlyInAnyOrderElementsOf(parameters);
            for (String locale : LOCALES) {
                assertThat(resource(folder + "help" + locale + ".html"))
                        .as(folder + "help" + locale + ".html")
                        .isNotNull();
                for (String parameter : parameters) {
                    assertThat(resource(folder + "help-" + parameter + locale + ".html"))
                            .as("%shelp-%s%s.html", folder, parameter, locale)
                            .isNotNull();
                }
            }
        }
    }

    /**
     * A list parameter's text area must show its lines (descriptor.linesOf), not the list: a bare
     * {@code <f:textarea/>} shows {@code [a, b]}, which the next save sends back as one bad value.
     */
    @Test
    void shouldShowEveryListParameterOneValuePerLineInItsTextArea() throws Exception {
        for (Class<?> describable : describables()) {
            String folder = describable.getName().replace('.', '/').replace('$', '/') + "/";
            Document form = parse(resource(folder + "config.jelly"));
            NodeList entries = form.getElementsByTagNameNS(FORM_NAMESPACE, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String field = entry.getAttribute("field");
                if (setterType(describable, field) == List.class && !listOfDescribables(describable, field)) {
                    NodeList textareas = entry.getElementsByTagNameNS(FORM_NAMESPACE, "textarea");
                    assertThat(textareas.getLength())
                            .as("<f:textarea> of %s", field)
                            .isEqualTo(1);
                    assertThat(((Element) textareas.item(0)).getAttribute("value"))
                            .as("the text area of list parameter %s", field)
                            .isEqualTo("${descriptor.linesOf(instance, '" + field + "')}");
                }
            }
        }
    }

    /**
     * structs describes a parameter for the generated step documentation only if it is text, a primitive (boxed or
     * not), an enum, or a collection of those: a {@code Map} becomes an error type there.
     */
    @Test
    void shouldGiveEveryParameterATypeTheStepDocumentationCanDescribe() throws Exception {
        for (Class<?> describable : describables()) {
            for (String parameter : DataBoundParameters.names(describable)) {
                Type type = setterGenericType(describable, parameter);
                assertThat(describableByStructs(type))
                        .as("type %s of %s.%s", type, describable.getSimpleName(), parameter)
                        .isTrue();
            }
        }
    }

    @Test
    void shouldDocumentEveryStepParameterInTheStepReference() throws Exception {
        String reference = Files.readString(repository().resolve("docs/step-reference.md"));
        Set<String> documented = new TreeSet<>();
        java.util.regex.Matcher row =
                java.util.regex.Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(reference);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented)
                .as("parameter rows of docs/step-reference.md")
                .containsExactlyInAnyOrderElementsOf(DataBoundParameters.names(LoadTestStep.class));
    }

    /** A repeatable list of nested describables (like the configuration's clusters) binds from its own forms. */
    private static boolean listOfDescribables(Class<?> describable, String field) {
        return setterGenericType(describable, field) instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element
                && Describable.class.isAssignableFrom(element);
    }

    private static boolean describableByStructs(Type type) {
        if (type instanceof Class<?> c) {
            // nested describables are described by their own data-bound parameters
            return c == String.class
                    || c.isPrimitive()
                    || c.isEnum()
                    || BOXED.contains(c)
                    || Describable.class.isAssignableFrom(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return Collection.class.isAssignableFrom(raw) && describableByStructs(p.getActualTypeArguments()[0]);
        }
        return false;
    }

    private static final Set<Class<?>> BOXED =
            Set.of(Integer.class, Long.class, Double.class, Float.class, Boolean.class, Short.class, Byte.class);

    /** The raw type of the property's setter (or constructor parameter), or null when the form has no such field. */
    private static Class<?> setterType(Class<?> type, String field) {
        Type generic = setterGenericType(type, field);
        if (generic instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return (Class<?>) generic;
    }

    private static Type setterGenericType(Class<?> type, String field) {
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)
                    && Introspector.decapitalize(method.getName().substring(3)).equals(field)) {
                return method.getGenericParameterTypes()[0];
            }
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    if (parameter.getName().equals(field)) {
                        return parameter.getParameterizedType();
                    }
                }
            }
        }
        return Object.class;
    }

    private static Path repository() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve("docs/step-reference.md"))) {
                return folder;
            }
        }
        throw new AssertionError(
                "no docs/step-reference.md above " + Path.of("").toAbsolutePath());
    }

    private static Document parse(URL configJelly) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = configJelly.openStream()) {
            return factory.newDocumentBuilder().parse(in);
        }
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
        // a nested describable is one field whose form is its own config.jelly
        NodeList properties = document.getElementsByTagNameNS(FORM_NAMESPACE, "property");
        for (int i = 0; i < properties.getLength(); i++) {
            fields.add(((Element) properties.item(i)).getAttribute("field"));
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
