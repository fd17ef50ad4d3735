package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import hudson.FilePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pipeline saves running step executions into program.dat with JBoss Marshalling River (workflow-support's
 * RiverWriter/RiverReader: a RiverMarshallerFactory, and on reading a SimpleClassResolver over the plugins' class
 * loader). Each River version runs in its own class loader, as the jars the build copies to target/river/VERSION:
 * 2.2.2.Final, which workflow-support bundled until late 2025, and the newest release on Maven Central.
 */
class RiverRoundTripTest {
    private static final String VERSIONS = "target/river";

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"2.2.2.Final", "2.3.0"})
    void shouldSaveAndReadBackARunningExecutionWithEveryParameter(String version) throws Exception {
        // given an execution with every kind of parameter value
        LoadTestStep step = new LoadTestStep("perf");
        step.setUsers(50);
        step.setSpawnRate(2.5);
        step.setThresholds(List.of("p95 < 800ms", "fail_ratio < 1%"));
        step.setWebUi(true);
        step.setBackend("kubernetes");
        step.setEnv(List.of("API_TOKEN=s3cr3t"));
        TestStepContext context = new TestStepContext(
                new TestRun(folder.toFile(), 3), new RecordingListener(), new FilePath(folder.toFile()), new EnvVars());
        LoadTestExecution execution =
                new LoadTestExecution(context, step.parameters(), step.getEnv(), new FixedClusters("prod", null));

        // when River writes and reads it
        Object read = River.of(version).roundTrip(execution);

        // then it is the same execution, on the same (re-linked) context
        assertThat(read).isInstanceOf(LoadTestExecution.class);
        LoadTestExecution copy = (LoadTestExecution) read;
        assertThat(copy.parameters()).isEqualTo(execution.parameters());
        assertThat(copy.getContext()).isSameAs(context);
        assertThat(copy.getStatus()).isEqualTo(execution.getStatus());
    }

    /** The test proves something: this River really refuses what the step used to persist (JBMAR-261). */
    @ParameterizedTest
    @ValueSource(strings = {"2.2.2.Final"})
    void shouldBeAMarshallerThatCannotReadANonPublicRecord(String version) {
        assertThatThrownBy(() -> River.of(version).roundTrip(new PackagePrivate("perf", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot invoke record getter script");
    }

    record PackagePrivate(String script, Integer users) implements Serializable {}

    /** One River version in its own class loader, driven as RiverWriter and RiverReader drive it. */
    private record River(ClassLoader loader) {
        static River of(String version) throws Exception {
            Path jars = Path.of(VERSIONS, version);
            assertThat(jars)
                    .as("River %s, copied by the build (mvn process-test-resources)", version)
                    .isDirectory();
            try (Stream<Path> files = Files.list(jars)) {
                URL[] urls = files.map(River::url).toArray(URL[]::new);
                assertThat(urls).hasSize(2);
                return new River(new URLClassLoader(urls, RiverRoundTripTest.class.getClassLoader()));
            }
        }

        Object roundTrip(Object value) throws Exception {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Object factory = type("org.jboss.marshalling.river.RiverMarshallerFactory")
                        .getConstructor()
                        .newInstance();
                Object marshaller = type("org.jboss.marshalling.MarshallerFactory")
                        .getMethod("createMarshaller", type("org.jboss.marshalling.MarshallingConfiguration"))
                        .invoke(factory, configuration());
                Class<?> marshallerType = type("org.jboss.marshalling.Marshaller");
                marshallerType
                        .getMethod("start", type("org.jboss.marshalling.ByteOutput"))
                        .invoke(marshaller, marshalling("createByteOutput", OutputStream.class, bytes));
                marshallerType.getMethod("writeObject", Object.class).invoke(marshaller, value);
                marshallerType.getMethod("finish").invoke(marshaller);

                Object unmarshaller = type("org.jboss.marshalling.MarshallerFactory")
                        .getMethod("createUnmarshaller", type("org.jboss.marshalling.MarshallingConfiguration"))
                        .invoke(factory, configuration());
                Class<?> unmarshallerType = type("org.jboss.marshalling.Unmarshaller");
                unmarshallerType
                        .getMethod("start", type("org.jboss.marshalling.ByteInput"))
                        .invoke(
                                unmarshaller,
                                marshalling(
                                        "createByteInput",
                                        InputStream.class,
                                        new ByteArrayInputStream(bytes.toByteArray())));
                Object read = unmarshallerType.getMethod("readObject").invoke(unmarshaller);
                unmarshallerType.getMethod("finish").invoke(unmarshaller);
                return read;
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        }

        /** RiverReader's configuration: classes resolved through the (plugins') class loader. */
        private Object configuration() throws Exception {
            Class<?> configurationType = type("org.jboss.marshalling.MarshallingConfiguration");
            Object configuration = configurationType.getConstructor().newInstance();
            Object resolver = type("org.jboss.marshalling.SimpleClassResolver")
                    .getConstructor(ClassLoader.class)
                    .newInstance(RiverRoundTripTest.class.getClassLoader());
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
}
