package io.jenkins.plugins.locust.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Load shapes on the oldest and the newest Locust: they pick a locustfile's shape differently (2.12 takes the last
 * -f file's, newer ones the first found), and the reporter has to make both run the intended one.
 */
class LoadShapeIT {
    @TempDir
    Path dir;

    private TestTarget target;
    private LocalRunFixture fixture;

    static Stream<String> pythons() {
        return Stream.of(
                System.getProperty(LocustInstallation.VENV_PROPERTY, ".venv") + "/bin/python", "/usr/bin/python3");
    }

    @BeforeEach
    void startTarget() throws Exception {
        target = TestTarget.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        target.close();
    }

    private void useLocust(String python) throws InterruptedException {
        LocustInstallation locust = LocustInstallation.probe(Path.of(python));
        assumeTrue(locust.available(), "no Locust at " + python + " (" + locust.problem() + ")");
        fixture = new LocalRunFixture(locust);
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void shouldDriveTheUsersThroughTheStages(String python) throws Exception {
        // given
        useLocust(python);
        LoadTestSpec spec = LoadTestSpec.builder()
                .script(TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS).toString())
                .slaves(2)
                .runTime(null)
                .stage("4s:2:2")
                .stage("4s:4:4")
                .host(target.url())
                .build();

        // when
        LoadTestResult result = fixture.run(spec, dir.resolve("out")).result();

        // then the reporter's shape ran both stages and ended the test
        assertThat(result.timeline()).extracting(Snapshot::users).contains(2, 4).allMatch(users -> users <= 4);
        assertThat(result.timeline())
                .allSatisfy(s -> assertThat(s.elapsedSeconds()).isLessThan(12));
        assertThat(result.run().runTimeSeconds()).isEqualTo(8.0);
        assertThat(target.totalRequests() - result.aggregated().requests()).isBetween(0L, 4L);
        LocalRunFixture.assertNoLocustProcessLeft();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void shouldRunTheLocustfilesOwnShapeAndSaySo(String python) throws Exception {
        // given no users, and a run time far longer than the shape (the most it may run)
        useLocust(python);
        LoadTestSpec spec = LoadTestSpec.builder()
                .script(TestLocustfiles.write(dir, TestLocustfiles.SHAPED_USERS).toString())
                .slaves(1)
                .runTime("60s")
                .host(target.url())
                .build();
        long started = System.nanoTime();

        // when
        RunOutcome outcome = fixture.run(spec, dir.resolve("out"));
        LoadTestResult result = outcome.result();

        // then the shape decided: 3 users, ended after 5 s; the result and the console say the shape drove it
        assertThat(result.timeline()).extracting(Snapshot::users).contains(3).allMatch(users -> users <= 3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
        assertThat(result.aggregated().requests()).isPositive();
        assertThat(result.run().loadShape()).isEqualTo("ThreeUsersForFiveSeconds");
        assertThat(outcome.verdict().status())
                .as("the load guard rail takes the shape as the plan")
                .isEqualTo(VerdictStatus.PASSED);
        assertThat(result.run().users()).isEqualTo(3);
        assertThat(result.run().runTimeSeconds()).isBetween(4.0, 8.0);
        assertThat(result.warnings()).noneMatch(w -> w.contains("load shape"));
        assertThat(fixture.console)
                .anyMatch(line -> line.contains("the locustfile's load shape ThreeUsersForFiveSeconds sets users"));
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("Load shape ThreeUsersForFiveSeconds");
        LocalRunFixture.assertNoLocustProcessLeft();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void shouldStopAShapeThatNeverEndsAtTheRunTime(String python) throws Exception {
        // given a shape that never returns None and a run time of 4 s
        useLocust(python);
        LoadTestSpec spec = LoadTestSpec.builder()
                .script(TestLocustfiles.write(dir, TestLocustfiles.ENDLESS_SHAPE)
                        .toString())
                .slaves(1)
                .runTime("4s")
                .stopTimeout("1s")
                .host(target.url())
                .build();
        long started = System.nanoTime();

        // when
        LoadTestResult result = fixture.run(spec, dir.resolve("out")).result();

        // then the reporter stopped it at 4 s, long before the runner's backstop would have killed the master
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
        assertThat(result.run().runTimeSeconds()).isBetween(3.5, 7.0);
        assertThat(result.run().locustExitCode()).isZero();
        assertThat(result.timeline()).extracting(Snapshot::users).allMatch(users -> users <= 2);
        assertThat(result.aggregated().requests()).isPositive();
        assertThat(result.warnings())
                .anyMatch(w -> w.startsWith(
                        "The locustfile's load shape TwoUsersForEver had not ended after the run" + " time of 4 s"));
        LocalRunFixture.assertNoLocustProcessLeft();
    }
}
