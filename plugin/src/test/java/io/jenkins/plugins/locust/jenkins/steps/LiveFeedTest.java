package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.page.LiveProgress;
import io.jenkins.plugins.locust.result.Snapshot;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    @Test
    void shouldCarryTheAgentsSnapshotsThroughItsStreamAsTheyWere() throws Exception {
        // given a feed, and two snapshots written as the agent writes them, split at odd places
        LiveFeed feed = new LiveFeed(20, 2);
        Snapshot first = new Snapshot(2.0, 10, 2, 41.5, 0.5, 12, 80, 120, 83, 1);
        Snapshot second = new Snapshot(4.0, 20, 2, 80.25, 0.0, 11, 75, 110, 240, 1);
        byte[] bytes =
                (LiveFeed.line(first) + "not a snapshot\n" + LiveFeed.line(second)).getBytes(StandardCharsets.UTF_8);
        OutputStream sink = feed.sink();
        assertThat(feed.get().phase()).isEqualTo("starting");

        // when
        sink.write(bytes, 0, 7);
        sink.write(bytes, 7, bytes.length - 7);

        // then the live view has both, unchanged, and a line that is not one is dropped
        LiveProgress progress = feed.get();
        assertThat(progress.snapshots()).containsExactly(first, second);
        assertThat(progress.phase()).isEqualTo("running");
        assertThat(progress.plannedUsers()).isEqualTo(20);
        assertThat(progress.expectedWorkers()).isEqualTo(2);
    }
}
