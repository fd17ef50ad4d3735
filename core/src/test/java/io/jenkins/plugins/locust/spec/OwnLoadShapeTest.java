package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A locustfile with its own {@code LoadTestShape} decides users and duration; Locust silently ignores users, spawn
 * rate and run time next to it. The spec accepts such a shape as the run's load when none of them is given, and
 * refuses it when they are.
 */
class OwnLoadShapeTest {
    /** The shape of Locust's examples/custom_shape/stages.py, shortened. */
    static final String STAGES_SHAPE =
            """
            from locust import HttpUser, TaskSet, task, constant
            from locust import LoadTestShape


            class UserTasks(TaskSet):
                @task
                def get_root(self):
                    self.client.get("/")


            class WebsiteUser(HttpUser):
                wait_time = constant(0.5)
                tasks = [UserTasks]


            class StagesShape(LoadTestShape):
                stages = [
                    {"duration": 60, "users": 10, "spawn_rate": 10},
                    {"duration": 100, "users": 50, "spawn_rate": 10},
                ]

                def tick(self):
                    run_time = self.get_run_time()
                    for stage in self.stages:
                        if run_time < stage["duration"]:
                            return (stage["users"], stage["spawn_rate"])
                    return None
            """;

    @TempDir
    Path workspace;

    private LoadTestSpecBuilder script(String name, String source) throws IOException {
        Files.writeString(workspace.resolve(name), source);
        return LoadTestSpec.builder().workspace(workspace).script(name);
    }

    @Test
    void shouldTakeTheLocustfilesShapeAsTheLoadWhenNoUsersRunTimeOrStagesAreGiven() throws IOException {
        // when
        LoadTestSpec spec = script("stages.py", STAGES_SHAPE).build();

        // then
        assertThat(spec.loadShape()).isEqualTo("StagesShape");
        assertThat(spec.hasOwnLoadShape()).isTrue();
        assertThat(spec.users()).isZero();
        assertThat(spec.stages()).isEmpty();
        assertThat(spec.runTime()).isEqualTo(Duration.ofHours(1));
        assertThat(spec.warnings()).isEmpty();
    }

    @Test
    void shouldTakeAGivenRunTimeAsTheMostTheShapeMayRun() throws IOException {
        LoadTestSpec spec = script("stages.py", STAGES_SHAPE).runTime("5m").build();

        assertThat(spec.loadShape()).isEqualTo("StagesShape");
        assertThat(spec.plannedDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldRefuseUsersSpawnRateAndStagesNextToTheShape() throws IOException {
        // when
        List<FieldError> errors = SpecValidatorTest.errorsOf(
                script("stages.py", STAGES_SHAPE).users(5).spawnRate(2.0).stage("10s:5"));

        // then
        assertThat(errors).extracting(FieldError::field).containsExactly("users", "spawnRate", "stages");
        assertThat(errors.get(0).message())
                .isEqualTo("the locustfile's load shape StagesShape sets the number of users itself and Locust"
                        + " ignores users next to it; remove users, or remove the shape class to run a fixed number"
                        + " of users");
    }

    @Test
    void shouldFindAShapeThatTheEntryFileImportsFromAHelperModule() throws IOException {
        // given a folder script whose shape lives in a helper (derived from another helper class)
        Path folder = Files.createDirectories(workspace.resolve("perf/shapes"));
        Files.writeString(folder.resolve("__init__.py"), "");
        Files.writeString(
                folder.resolve("base.py"),
                """
                import locust


                class Stepped(locust.LoadTestShape):
                    abstract = True

                    def tick(self):
                        return None
                """);
        Files.writeString(
                folder.resolve("ramp.py"),
                """
                from .base import Stepped


                class Ramp(Stepped):
                    pass
                """);
        Files.writeString(
                workspace.resolve("perf/locustfile.py"),
                "from shapes.ramp import Ramp\n" + SpecValidatorTest.USER_FILE);

        // when
        LoadTestSpec spec =
                LoadTestSpec.builder().workspace(workspace).script("perf").build();

        // then the abstract base is no shape of its own, the imported subclass is
        assertThat(spec.loadShape()).isEqualTo("Ramp");
    }

    @Test
    void shouldIgnoreAShapeInAHelperThatTheEntryFileDoesNotImportByName() throws IOException {
        // given: Locust only sees the shape classes among the entry module's own names
        Path folder = Files.createDirectories(workspace.resolve("perf"));
        Files.writeString(
                folder.resolve("shapes.py"),
                "from locust import LoadTestShape\n\nclass Ramp(LoadTestShape):\n    def tick(self):\n        return None\n");
        Files.writeString(folder.resolve("locustfile.py"), "import shapes\n" + SpecValidatorTest.USER_FILE);

        // when
        LoadTestSpec spec = LoadTestSpec.builder()
                .workspace(workspace)
                .script("perf")
                .users(5)
                .build();

        // then
        assertThat(spec.loadShape()).isNull();
        assertThat(spec.users()).isEqualTo(5);
    }

    @Test
    void shouldRefuseTwoShapes() throws IOException {
        String two = STAGES_SHAPE + "\n\nclass Other(LoadTestShape):\n    def tick(self):\n        return None\n";

        FieldError error = SpecValidatorTest.onlyError(script("two.py", two));

        assertThat(error.field()).isEqualTo("script");
        assertThat(error.message()).startsWith("the locustfile declares 2 load shapes (StagesShape, Other)");
    }
}
