package io.jenkins.plugins.locust.jenkins.actions;

import static io.jenkins.plugins.locust.jenkins.actions.LoadTestBuildActionTest.completed;
import static io.jenkins.plugins.locust.result.ResultFixtures.endpoint;
import static io.jenkins.plugins.locust.result.ResultFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildComparisonsTest {
    @TempDir
    Path home;

    @Test
    void shouldCompareWithTheNearestEarlierBuildOfTheSameLoadTestByDefault() throws Exception {
        // given #1 shop (fast), #2 only search, #3 shop (slow)
        TestJob job = new TestJob(home);
        completed(job.newBuild(), "shop", result(endpoint("GET", "/", 0, 10, 100, 100, 100)));
        completed(job.newBuild(), "search", result(endpoint("GET", "/q", 0, 10, 50)));
        LoadTestBuildAction current =
                completed(job.newBuild(), "shop", result(endpoint("GET", "/", 0, 10, 200, 200, 200)));

        // when
        JsonResponse response = (JsonResponse) current.doComparison("");

        // then build #1 is the base and the slower p95 is worse
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"baseBuild\":1,\"currentBuild\":3,")
                .contains("{\"metric\":\"p95\",\"unit\":\"ms\",\"base\":100.0,\"current\":200.0,\"delta\":100.0,"
                        + "\"deltaPercent\":100.0,\"change\":\"WORSE\"}")
                .contains("{\"expression\":\"p95 < 800ms unstable\",\"base\":\"FAILED\",\"baseActual\":\"1.2 s\"");
    }

    @Test
    void shouldNameWhatIsMissing() throws Exception {
        // given
        TestJob job = new TestJob(home);
        completed(job.newBuild(), "search", result(endpoint("GET", "/q", 0, 10, 50)));
        LoadTestBuildAction current = completed(job.newBuild(), "shop", result(endpoint("GET", "/", 0, 10, 200)));

        // then
        assertThat(((JsonResponse) current.doComparison("")).body())
                .contains("no earlier build has a result of the load test 'shop'");
        assertThat(((JsonResponse) current.doComparison("1")).body()).contains("in build #1");
        assertThat(((JsonResponse) current.doComparison("../2")).body()).contains("'../2' is not a build number");
        assertThat(((JsonResponse) current.doComparison("77")).status()).isEqualTo(404);
    }
}
