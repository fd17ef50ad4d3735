package io.jenkins.plugins.locust.jenkins.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.locust.page.LiveProgress;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTestBuildActionTest {
    static final Verdict VERDICT = new Verdict(
            VerdictStatus.UNSTABLE,
            List.of(new ThresholdOutcome(
                    "p95 < 800ms unstable",
                    "1.2 s",
                    "< 800 ms",
                    OutcomeStatus.FAILED,
                    Severity.UNSTABLE,
                    "p95 is 1.2 s, breaching < 800 ms")));

    @TempDir
    Path home;

    /** A build whose load test ran and wrote its files as the step does. */
    static LoadTestBuildAction completed(TestJob.Build build, String name, LoadTestResult result) throws Exception {
        LoadTestBuildAction action =
                new LoadTestBuildAction(name, ReportNames.urlName(name, List.of()), "locust/lt-" + name.hashCode());
        build.addAction(action);
        ResultJson.write(result, Files.createDirectories(action.getFolder()).resolve("result.json"));
        action.complete(result, VERDICT, Optional.empty());
        return action;
    }

    @Test
    void shouldServeTheLiveProgressWhileRunningAndThePageOnceComplete() throws Exception {
        // given a started load test
        TestJob.Build build = new TestJob(home).newBuild();
        LoadTestBuildAction action = new LoadTestBuildAction("shop", "locust-shop", "locust/lt-live");
        build.addAction(action);
        action.started(() ->
                new LiveProgress("running", false, 10, 2, List.of(new Snapshot(2, 10, 2, 40, 0, 12, 30, 45, 80, 0))));

        // then the page polls the progress and has no report yet
        assertThat(action.isRunning()).isTrue();
        assertThat(((JsonResponse) action.doLive()).body()).contains("\"phase\":\"running\"", "\"rps\":40.0");
        assertThat(((JsonResponse) action.doPage()).status()).isEqualTo(404);
        assertThat(((JsonResponse) action.doPage()).body()).contains("still running");

        // when it completes
        LoadTestResult result = ResultFixtures.realistic();
        action.complete(result, VERDICT, Optional.empty());

        // then
        assertThat(action.isRunning()).isFalse();
        assertThat(((JsonResponse) action.doLive()).body()).contains("\"finished\":true");
        JsonResponse page = (JsonResponse) action.doPage();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("\"verdict\":\"UNSTABLE\"", "\"expression\":\"p95 < 800ms unstable\"");
        assertThat(action.getSummary().orElseThrow().requests())
                .isEqualTo(result.aggregated().requests());
        assertThat(action.getFolder()).isEqualTo(home.resolve("builds/1/locust/lt-live"));
    }

    @Test
    void shouldSayWhyThereIsNoReport() throws Exception {
        // given
        TestJob.Build build = new TestJob(home).newBuild();
        LoadTestBuildAction action = new LoadTestBuildAction("shop", "locust-shop", "locust/lt-live");
        build.addAction(action);

        // when
        action.fail("Only 1 of 2 Locust workers connected within startTimeout (2m)");

        // then
        assertThat(((JsonResponse) action.doPage()).body()).contains("Only 1 of 2 Locust workers connected");
        assertThat(action.getSummary()).isEmpty();
    }

    @Test
    void shouldServeOnlyTheRunsOwnFiles() throws Exception {
        // given a completed run and a secret next to its folder
        TestJob.Build build = new TestJob(home).newBuild();
        LoadTestBuildAction action = completed(build, "shop", ResultFixtures.realistic());
        Files.writeString(home.resolve("builds/1/build.xml"), "<secret/>");

        // then
        assertThat(action.doFile("result.json")).isNotInstanceOf(JsonResponse.class);
        assertThat(action.doFile("../build.xml")).isInstanceOf(JsonResponse.class);
        assertThat(((JsonResponse) action.doFile("../build.xml")).status()).isEqualTo(404);
        assertThat(action.doFile(null)).isInstanceOf(JsonResponse.class);
        assertThat(action.doFile("junit.xml")).as("not written by this run").isInstanceOf(JsonResponse.class);
    }

    @Test
    void shouldOfferTheJobTrendFromTheFirstLoadTestOfABuildOnly() throws Exception {
        // given two load tests in one build
        TestJob.Build build = new TestJob(home).newBuild();
        LoadTestBuildAction first = completed(build, "shop", ResultFixtures.realistic());
        LoadTestBuildAction second = completed(build, "search", ResultFixtures.realistic());

        // then the job page gets one trend, not two
        assertThat(first.getProjectActions()).singleElement().isInstanceOf(LoadTestJobAction.class);
        assertThat(second.getProjectActions()).isEmpty();
    }

    @Test
    void shouldAddLessThanTwoKilobytesToBuildXmlAndReadBack() throws Exception {
        // given a completed action with a realistic result and many thresholds
        TestJob.Build build = new TestJob(home).newBuild();
        LoadTestBuildAction action = completed(build, "checkout and payment", ResultFixtures.realistic());

        // when XStream writes it as build.xml would
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {LoadTestBuildAction.class});
        String xml = xstream.toXML(action);

        // then only the name and the summary are there, and they load back
        assertThat(xml.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(2048);
        assertThat(xml).doesNotContain("histogram", "timeline", "TestJob");
        LoadTestBuildAction loaded = (LoadTestBuildAction) xstream.fromXML(xml);
        loaded.onLoad(build);
        assertThat(loaded.getSummary()).isEqualTo(action.getSummary());
        assertThat(loaded.getUrlName()).isEqualTo("locust-checkout-and-payment");
        assertThat(((JsonResponse) loaded.doPage()).status()).isEqualTo(200);
    }
}
