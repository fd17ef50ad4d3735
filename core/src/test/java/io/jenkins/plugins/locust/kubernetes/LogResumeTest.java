package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LogResumeTest {
    @Test
    void shouldSplitTheStampFromTheText() {
        LogResume.Line line = LogResume.parse("2026-11-29T16:00:00.123456789Z [master] hello world");

        assertThat(line.time()).hasToString("2026-11-29T16:00:00.123456789Z");
        assertThat(line.text()).isEqualTo("[master] hello world");
        assertThat(LogResume.parse("no stamp here").text()).isEqualTo("no stamp here");
    }

    @Test
    void shouldSkipWhatAResumedStreamRepeatsAndPassOnWhatIsNew() {
        // given three lines read, then a drop
        LogResume resume = new LogResume();
        List<String> first =
                List.of("2026-11-29T16:00:00.100Z a", "2026-11-29T16:00:00.200Z b", "2026-11-29T16:00:00.200Z c");
        List<String> passed = new java.util.ArrayList<>(accept(resume, first.stream()));

        // when the server resends from the second (sinceTime is rounded down) plus new lines
        resume.reconnected();
        passed.addAll(accept(
                resume,
                Stream.of(
                        "2026-11-29T16:00:00.100Z a",
                        "2026-11-29T16:00:00.200Z b",
                        "2026-11-29T16:00:00.200Z c",
                        "2026-11-29T16:00:00.200Z d",
                        "2026-11-29T16:00:01Z e")));

        // then every line arrives once, in order
        assertThat(passed).containsExactly("a", "b", "c", "d", "e");
        assertThat(resume.sinceTime()).isEqualTo("2026-11-29T16:00:01Z");
    }

    private static List<String> accept(LogResume resume, Stream<String> lines) {
        return lines.map(resume::accept).flatMap(Optional::stream).toList();
    }
}
