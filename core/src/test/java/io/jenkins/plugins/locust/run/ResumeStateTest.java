package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import org.jboss.marshalling.Marshaller;
import org.jboss.marshalling.MarshallerFactory;
import org.jboss.marshalling.Marshalling;
import org.jboss.marshalling.MarshallingConfiguration;
import org.jboss.marshalling.Unmarshaller;
import org.jboss.marshalling.river.RiverMarshallerFactory;
import org.junit.jupiter.api.Test;

class ResumeStateTest {
    private static final Instant STARTED = Instant.parse("2026-12-03T08:00:00.123Z");

    private static ResumeState state() {
        return new ResumeState(
                        null,
                        "kubernetes",
                        "load-tests",
                        "shop-42-k3x9q",
                        STARTED,
                        STARTED.plusSeconds(120),
                        STARTED.plusSeconds(900))
                .withCluster("prod-eu");
    }

    @Test
    void shouldSurviveJavaSerialization() throws Exception {
        // given
        ResumeState state = state();

        // when
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        // then
        assertThat(read).isEqualTo(state);
        ResumeState copy = (ResumeState) read;
        assertThat(copy.cluster()).isEqualTo("prod-eu");
        assertThat(copy.namespace()).isEqualTo("load-tests");
        assertThat(copy.runId()).isEqualTo("shop-42-k3x9q");
        assertThat(copy.started()).isEqualTo(STARTED);
        assertThat(copy.startDeadline()).isEqualTo(STARTED.plusSeconds(120));
        assertThat(copy.endDeadline()).isEqualTo(STARTED.plusSeconds(900));
    }

    @Test
    void shouldSurviveTheRiverMarshallerPipelineSavesExecutionsWith() throws Exception {
        // given River 2.2.2.Final, which cannot read the components of a non-public record (JBMAR-261)
        MarshallerFactory factory = new RiverMarshallerFactory();
        MarshallingConfiguration config = new MarshallingConfiguration();
        config.setVersion(3);
        ResumeState state = state();

        // when
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Marshaller marshaller = factory.createMarshaller(config);
        marshaller.start(Marshalling.createByteOutput(bytes));
        marshaller.writeObject(state);
        marshaller.finish();
        Unmarshaller unmarshaller = factory.createUnmarshaller(config);
        unmarshaller.start(Marshalling.createByteInput(new ByteArrayInputStream(bytes.toByteArray())));
        Object read = unmarshaller.readObject();
        unmarshaller.finish();

        // then
        assertThat(read).isEqualTo(state);
    }

    @Test
    void shouldBeAPlainPublicClassHoldingOnlyStringsAndLongs() {
        // then: no record (River 2.2.2), no object graph a later version could fail to read
        assertThat(ResumeState.class.isRecord()).isFalse();
        assertThat(Modifier.isPublic(ResumeState.class.getModifiers())).isTrue();
        assertThat(Arrays.stream(ResumeState.class.getDeclaredFields())
                        .filter(f -> !Modifier.isStatic(f.getModifiers()))
                        .map(f -> f.getType().getSimpleName()))
                .containsOnly("String", "long");
    }

    @Test
    void shouldRejectARunIdThatNamesNoRun() {
        // then
        assertThatThrownBy(() -> new ResumeState(null, "kubernetes", null, "Not A Label", STARTED, STARTED, STARTED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Not A Label'");
    }

    @Test
    void shouldSayWhichRunItIsWithoutSecrets() {
        // then
        assertThat(state())
                .hasToString("run shop-42-k3x9q (kubernetes, cluster prod-eu, namespace load-tests, started"
                        + " 2026-12-03T08:00:00.123Z)");
    }
}
