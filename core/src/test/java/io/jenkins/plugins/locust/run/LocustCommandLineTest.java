package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocustCommandLineTest {
    private static final LocustVersion CURRENT = new LocustVersion(2, 47, 0);

    @TempDir
    Path dir;

    private LoadTestSpecBuilder builder() throws IOException {
        Path script = TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS);
        return LoadTestSpec.builder()
                .script(script.toString())
                .users(50)
                .slaves(3)
                .spawnRate(2.5)
                .runTime("1m30s")
                .startTimeout("90s")
                .stopTimeout("15s")
                .host("https://staging.example.com");
    }

    @Test
    void shouldBuildTheMasterCommandLine() throws IOException {
        // given
        LoadTestSpec spec = builder()
                .tag("checkout")
                .excludeTag("slow")
                .locustArg("--loglevel=DEBUG")
                .build();

        // when
        List<String> args = LocustCommandLine.master(spec, "/mnt/locust", "127.0.0.1", 5557, "/out/locust");

        // then
        assertThat(String.join(" ", args))
                .isEqualTo("-f /mnt/locust/locust_loadtest_fix.py,/mnt/locust/target_users.py,"
                        + "/mnt/locust/locust_loadtest_reporter.py --master --headless --only-summary --enable-rebalancing"
                        + " --master-bind-host 127.0.0.1 --master-bind-port 5557 --expect-workers 3"
                        + " --expect-workers-max-wait 120 -u 50 -r 2.5 -t 1m30s --stop-timeout 15"
                        + " --host https://staging.example.com --csv /out/locust --exit-code-on-error 0"
                        + " --tags checkout --exclude-tags slow --loglevel=DEBUG");
    }

    @Test
    void shouldLeaveUsersAndRunTimeToTheLocustfilesOwnShapeAndTellTheReporterItsLimit() throws Exception {
        // given a locustfile with its own LoadTestShape and a run time as the most it may run
        Path script = TestLocustfiles.write(dir, TestLocustfiles.SHAPED_USERS);
        LoadTestSpec spec =
                LoadTestSpec.builder().script(script.toString()).runTime("2m").build();

        // when
        List<String> args = LocustCommandLine.master(spec, "/mnt/locust", null, 5557, null);
        String config = new String(RunFiles.of(spec).get(RunFiles.CONFIG), java.nio.charset.StandardCharsets.UTF_8);

        // then Locust gets no -u/-r/-t (it would ignore them) and the reporter stops the shape after 2 minutes
        assertThat(args).doesNotContain("-u", "-r", "-t");
        assertThat(config).contains("\"own_shape\":{\"name\":\"ThreeUsersForFiveSeconds\",\"limit_seconds\":120.0}");
    }

    @Test
    void shouldLeaveUsersAndRunTimeToTheReporterShapeWithStages() throws IOException {
        // given
        LoadTestSpec spec =
                builder().runTime(null).stage("30s:10").stage("1m:50:5").build();

        // when
        List<String> args = LocustCommandLine.master(spec, "", null, 5557, null);

        // then Locust 2.12 refuses -t together with a load shape
        assertThat(args).doesNotContain("-t", "-u", "-r", "--csv", "--master-bind-host");
        assertThat(args.get(1)).isEqualTo("locust_loadtest_fix.py,target_users.py,locust_loadtest_reporter.py");
    }

    @Test
    void shouldNeverGiveTheWorkersARunTime() throws IOException {
        // given
        LoadTestSpec spec = builder().tag("checkout").build();

        // when
        List<String> args = LocustCommandLine.worker(spec, "/mnt/locust", "master.svc", 5557, CURRENT);

        // then
        assertThat(String.join(" ", args))
                .isEqualTo("-f /mnt/locust/locust_loadtest_fix.py,/mnt/locust/target_users.py --worker"
                        + " --master-host master.svc --master-port 5557 --tags checkout");
    }

    @Test
    void shouldForkProcessesOnlyWhereLocustCan() throws IOException {
        // given
        LoadTestSpec spec = builder().processes(4).build();

        // then
        assertThat(LocustCommandLine.worker(spec, "/d", "m", 5557, CURRENT)).containsSequence("--processes", "4");
        assertThat(LocustCommandLine.master(spec, "/d", null, 5557, null)).containsSequence("--expect-workers", "12");
        assertThatThrownBy(() -> LocustCommandLine.worker(spec, "/d", "m", 5557, LocustVersion.UNVERSIONED_BUILD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processes = 4")
                .hasMessageContaining("2.19.0");
    }
}
