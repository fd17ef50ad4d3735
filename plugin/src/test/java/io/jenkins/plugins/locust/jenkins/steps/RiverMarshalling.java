package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One JBoss Marshalling River version in its own class loader (the jars the build copies to target/river/VERSION),
 * driven as workflow-support's RiverWriter and RiverReader drive it: a RiverMarshallerFactory, and on reading a
 * SimpleClassResolver over the plugins' class loader.
 */
final class RiverMarshalling {
    private static final String VERSIONS = "target/river";

    private final ClassLoader loader;

    private RiverMarshalling(ClassLoader loader) {
        this.loader = loader;
    }

    static RiverMarshalling of(String version) throws Exception {
        Path jars = Path.of(VERSIONS, version);
        assertThat(jars)
                .as("River %s, copied by the build (mvn process-test-resources)", version)
                .isDirectory();
        try (Stream<Path> files = Files.list(jars)) {
            URL[] urls = files.map(RiverMarshalling::url).toArray(URL[]::new);
            assertThat(urls).hasSize(2);
            return new RiverMarshalling(new URLClassLoader(urls, RiverMarshalling.class.getClassLoader()));
        }
    }

    Object roundTrip(Object value) throws Exception {
        return read(write(value));
    }

    byte[] write(Object value) throws Exception {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Object marshaller = type("org.jboss.marshalling.MarshallerFactory")
                    .getMethod("createMarshaller", type("org.jboss.marshalling.MarshallingConfiguration"))
                    .invoke(factory(), configuration());
            Class<?> marshallerType = type("org.jboss.marshalling.Marshaller");
            marshallerType
                    .getMethod("start", type("org.jboss.marshalling.ByteOutput"))
                    .invoke(marshaller, marshalling("createByteOutput", OutputStream.class, bytes));
            marshallerType.getMethod("writeObject", Object.class).invoke(marshaller, value);
            marshallerType.getMethod("finish").invoke(marshaller);
            return bytes.toByteArray();
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    Object read(byte[] bytes) throws Exception {
        try {
            Object unmarshaller = type("org.jboss.marshalling.MarshallerFactory")
                    .getMethod("createUnmarshaller", type("org.jboss.marshalling.MarshallingConfiguration"))
                    .invoke(factory(), configuration());
            Class<?> unmarshallerType = type("org.jboss.marshalling.Unmarshaller");
            unmarshallerType
                    .getMethod("start", type("org.jboss.marshalling.ByteInput"))
                    .invoke(
                            unmarshaller,
                            marshalling("createByteInput", InputStream.class, new ByteArrayInputStream(bytes)));
            Object read = unmarshallerType.getMethod("readObject").invoke(unmarshaller);
            unmarshallerType.getMethod("finish").invoke(unmarshaller);
            return read;
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private Object factory() throws Exception {
        return type("org.jboss.marshalling.river.RiverMarshallerFactory")
                .getConstructor()
                .newInstance();
    }

    /** RiverReader's configuration: classes resolved through the (plugins') class loader. */
    private Object configuration() throws Exception {
        Class<?> configurationType = type("org.jboss.marshalling.MarshallingConfiguration");
        Object configuration = configurationType.getConstructor().newInstance();
        Object resolver = type("org.jboss.marshalling.SimpleClassResolver")
                .getConstructor(ClassLoader.class)
                .newInstance(RiverMarshalling.class.getClassLoader());
        configurationType
                .getMethod("setClassResolver", type("org.jboss.marshalling.ClassResolver"))
                .invoke(configuration, resolver);
        return configuration;
    }

    private Object marshalling(String method, Class<?> parameter, Object argument) throws Exception {
        return type("org.jboss.marshalling.Marshalling")
                .getMethod(method, parameter)
                .invoke(null, argument);
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
