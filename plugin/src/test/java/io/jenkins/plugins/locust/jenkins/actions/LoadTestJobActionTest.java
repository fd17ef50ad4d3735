package io.jenkins.plugins.locust.jenkins.actions;

import static io.jenkins.plugins.locust.jenkins.actions.LoadTestBuildActionTest.completed;
import static io.jenkins.plugins.locust.result.ResultFixtures.endpoint;
import static io.jenkins.plugins.locust.result.ResultFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTestJobActionTest {
    @TempDir
    Path home;

    @Test
    void shouldDrawTheTrendFromTheBuildsSummariesWithoutOpeningResultFiles() throws Exception {
        // given builds 1..4: #2 ran no load test, #3 ran two, #4 is still running
        TestJob job = new TestJob(home);
        completed(job.newBuild(), "shop", result(endpoint("GET", "/", 0, 10, 100, 100)));
        job.newBuild();
        TestJob.Build third = job.newBuild();
        completed(third, "shop", result(endpoint("GET", "/", 0, 10, 300, 300)));
        completed(third, "search", result(endpoint("GET", "/q", 0, 10, 50)));
        TestJob.Build running = job.newBuild();
        running.addAction(new LoadTestBuildAction("shop", "locust-shop", "locust/lt-live"));
        // the trend must not need them:
        try (var files = Files.walk(home)) {
            files.filter(f -> f.getFileName().toString().equals("result.json"))
                    .forEach(f -> f.toFile().delete());
        }

        // when
        String json = ((JsonResponse) new LoadTestJobAction(job).doTrend(null)).body();

        // then
        assertThat(json)
                .contains("\"builds\":[1,3]")
                .contains("{\"id\":\"p95\",\"title\":\"95th percentile response time\",\"unit\":\"ms\","
                        + "\"series\":[{\"name\":\"shop\",\"values\":[100.0,300.0]},"
                        + "{\"name\":\"search\",\"values\":[null,50.0]}]}")
                .contains("\"reportUrls\":{")
                .contains("\"shop\":\"locust-shop\"")
                .contains("\"search\":\"locust-search\"");
    }

    @Test
    void shouldLimitTheBuildsToTheNewestAskedFor() throws Exception {
        // given
        TestJob job = new TestJob(home);
        for (int i = 0; i < 5; i++) {
            completed(job.newBuild(), "shop", result(endpoint("GET", "/", 0, 10, 100)));
        }

        // then
        assertThat(((JsonResponse) new LoadTestJobAction(job).doTrend("2")).body())
                .contains("\"builds\":[4,5]");
        assertThat(((JsonResponse) new LoadTestJobAction(job).doTrend("nonsense")).body())
                .contains("\"builds\":[1,2,3,4,5]");
    }
}
