package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {
    static final String USER_FILE =
            """
            from locust import HttpUser, task

            class ShopUser(HttpUser):
                @task
                def index(self):
                    self.client.get("/")
            """;

    @TempDir
    Path workspace;

    @BeforeEach
    void writeLocustfile() throws IOException {
        Files.writeString(workspace.resolve("locustfile.py"), USER_FILE);
    }

    LoadTestSpecBuilder valid() {
        return LoadTestSpec.builder().workspace(workspace).script("locustfile.py");
    }

    static List<FieldError> errorsOf(LoadTestSpecBuilder builder) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, builder::build);
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        return e.getErrors();
    }

    static FieldError onlyError(LoadTestSpecBuilder builder) {
        List<FieldError> errors = errorsOf(builder);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void shouldBuildWithDefaultsWhenOnlyTheScriptIsGiven() {
        LoadTestSpec spec = valid().build();

        assertThat(spec.users()).isEqualTo(10);
        assertThat(spec.slaves()).isEqualTo(1);
        assertThat(spec.runTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(spec.locustfile()).isEqualTo("locustfile.py");
        assertThat(spec.script()).isEqualTo(workspace.resolve("locustfile.py").toAbsolutePath());
        assertThat(spec.warnings()).isEmpty();
    }

    @Test
    void shouldCollectEveryErrorAtOnce() {
        LoadTestSpecBuilder builder = valid().users(0)
                .slaves(-1)
                .runTime("5 minutes")
                .host("staging")
                .env("1BAD", "x")
                .locustArg("--users=5")
                .image("locustio/locust:latest")
                .hostAlias("10.0.0.300=api.internal");

        List<FieldError> errors = errorsOf(builder);

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "users", "slaves", "runTime", "host", "env", "locustArgs", "image", "hostAliases");
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, builder::build);
        assertThat(e.getMessage()).startsWith("Invalid load test input (8 errors):");
    }

    @Test
    void shouldNameTheFieldTheValueAndTheFixForUsers() {
        FieldError error = onlyError(valid().users(0));

        assertThat(error.toString()).isEqualTo("users = '0': set users to the number of simulated users, at least 1");
    }

    @Test
    void shouldRejectZeroSlavesAndProcesses() {
        assertThat(errorsOf(valid().slaves(0).processes(0)))
                .extracting(FieldError::toString)
                .containsExactly(
                        "slaves = '0': set slaves to the number of Locust workers, at least 1",
                        "processes = '0': set processes to Locust processes per worker, at least 1");
    }

    @Test
    void shouldTreatMissingCountsAsDefaults() {
        LoadTestSpec spec = valid().users(null).slaves(null).build();

        assertThat(spec.users()).isEqualTo(10);
        assertThat(spec.slaves()).isEqualTo(1);
    }

    @Test
    void shouldWarnButBuildWhenWorkersOutnumberUsers() {
        LoadTestSpec spec = valid().users(3).slaves(2).processes(2).build();

        assertThat(spec.warnings())
                .extracting(FieldError::toString)
                .containsExactly("users = '3': 3 users for 4 Locust workers (slaves × processes): 1 worker will stay"
                        + " idle; raise users or lower slaves");
    }

    @Test
    void shouldWarnWhenTheRampUpOutlastsTheRunTime() {
        LoadTestSpec spec = valid().users(100).spawnRate(1.0).runTime("30s").build();

        assertThat(spec.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("spawnRate");
            assertThat(w.message()).contains("takes 100 s, longer than the run time of 30s");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "five minutes", "5 m", "-1m", "1d"})
    void shouldRejectRunTimesWithoutAUsableUnit(String runTime) {
        FieldError error = onlyError(valid().runTime(runTime));

        assertThat(error.field()).isEqualTo("runTime");
        assertThat(error.value()).isEqualTo(runTime);
        assertThat(error.message()).isEqualTo("use a duration with a unit such as 30s, 5m or 1h30m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0m", "0h0s"})
    void shouldSayAZeroRunTimeLeavesNoTimeRatherThanAskForAUnit(String runTime) {
        FieldError error = onlyError(valid().runTime(runTime));

        assertThat(error.toString())
                .isEqualTo("runTime = '" + runTime + "': a zero runTime leaves no time to run; give a duration above"
                        + " zero such as 30s, 5m or 1h30m");
    }

    @Test
    void shouldRejectBadTimeoutsButAllowAZeroStopTimeout() {
        assertThat(errorsOf(valid().startTimeout("soon").stopTimeout("-")))
                .extracting(FieldError::field)
                .containsExactly("startTimeout", "stopTimeout");
        assertThat(valid().stopTimeout("0s").build().stopTimeout()).isZero();
    }

    @Test
    void shouldRejectRunTimeTogetherWithStages() {
        FieldError error = onlyError(valid().runTime("5m").stage("1m:10").stage("2m:20:5"));

        assertThat(error.field()).isEqualTo("runTime");
        assertThat(error.message())
                .isEqualTo("set either runTime or stages, not both: the stages already last 3m;" + " remove runTime");
    }

    @Test
    void shouldTakeTheRunTimeFromTheStages() {
        LoadTestSpec spec = valid().stage("1m:10").stage("30s:20:5").build();

        assertThat(spec.runTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.stages())
                .containsExactly(new Stage(Duration.ofMinutes(1), 10, 1), new Stage(Duration.ofSeconds(30), 20, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "1m:x", "0s:10", "1m:-1", "1m:10:0", "1m:10:5:1", "ten:10"})
    void shouldRejectMalformedStages(String stage) {
        FieldError error = onlyError(valid().stage(stage));

        assertThat(error.field()).isEqualTo("stages");
        assertThat(error.message()).contains("DURATION:USERS[:SPAWN_RATE]").contains("2m:100:10");
    }

    @Test
    void shouldRejectANonPositiveSpawnRate() {
        assertThat(onlyError(valid().spawnRate(0.0)).toString())
                .isEqualTo("spawnRate = '0.0': use the number of users started per second, above 0, e.g. 5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"staging.example.com", "ftp://example.com", "http://", "http://exa mple.com", "https://x.io/?a=1"
            })
    void shouldRejectHostsLocustCannotUse(String host) {
        FieldError error = onlyError(valid().host(host));

        assertThat(error.field()).isEqualTo("host");
        assertThat(error.message()).endsWith("use a base URL such as https://staging.example.com");
    }

    @Test
    void shouldAcceptAHostWithPortAndBasePath() {
        assertThat(valid().host("http://127.0.0.1:8080/shop").build().host()).isEqualTo("http://127.0.0.1:8080/shop");
    }

    @Test
    void shouldWarnAboutATrailingSlashOnTheHost() {
        assertThat(valid().host("https://x.io/").build().warnings())
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("remove the trailing '/'");
    }

    @Test
    void shouldRejectAMissingScriptWithThePathItLookedAt() {
        FieldError error = onlyError(valid().script("perf/missing.py"));

        assertThat(error.field()).isEqualTo("script");
        assertThat(error.message())
                .contains(workspace.resolve("perf/missing.py").toAbsolutePath().toString())
                .contains("relative to the workspace");
    }

    @Test
    void shouldRejectABlankScript() {
        assertThat(onlyError(valid().script(" ")).message()).contains("e.g. perf/locustfile.py");
    }

    @Test
    void shouldRejectAScriptThatIsNotPython() throws IOException {
        Files.writeString(workspace.resolve("plan.jmx"), "<xml/>");

        assertThat(onlyError(valid().script("plan.jmx")).message()).contains("a Python file ending in .py");
    }

    @Test
    void shouldSayWhenTheLocustfileDeclaresNoUserClass() throws IOException {
        Files.writeString(workspace.resolve("empty.py"), "from locust import task\n# class Foo(HttpUser): commented\n");

        FieldError error = onlyError(valid().script("empty.py"));

        assertThat(error.toString())
                .isEqualTo("script = 'empty.py': no Locust user class found in empty.py: declare one such as 'class"
                        + " ShopUser(HttpUser)' (or FastHttpUser, User) with @task methods");
    }

    @Test
    void shouldAcceptUserClassesDerivedFromTheUsersOwnBaseClass() throws IOException {
        Files.writeString(
                workspace.resolve("derived.py"),
                """
                import locust
                class Base(
                    locust.FastHttpUser,
                ):
                    abstract = True
                class Shopper(Base, metaclass=type):
                    pass
                """);

        assertThat(valid().script("derived.py").build().locustfile()).isEqualTo("derived.py");
    }

    @Test
    void shouldFindTheEntryFileInAFolderScript() throws IOException {
        Path folder = Files.createDirectories(workspace.resolve("perf"));
        Files.writeString(folder.resolve("main.py"), USER_FILE);

        LoadTestSpec spec = valid().script("perf").locustfile("main.py").build();

        assertThat(spec.script()).isEqualTo(folder.toAbsolutePath());
        assertThat(spec.locustfile()).isEqualTo("main.py");
    }

    @Test
    void shouldListTheCandidatesWhenTheFolderLacksTheEntryFile() throws IOException {
        Path folder = Files.createDirectories(workspace.resolve("perf"));
        Files.writeString(folder.resolve("shop.py"), USER_FILE);
        Files.writeString(folder.resolve("helpers.py"), "");

        FieldError error = onlyError(valid().script("perf"));

        assertThat(error.field()).isEqualTo("locustfile");
        assertThat(error.value()).isEqualTo("locustfile.py");
        assertThat(error.message())
                .contains("has no locustfile.py")
                .endsWith("set locustfile to the entry file, one of: helpers.py, shop.py");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../locustfile.py", "main.txt"})
    void shouldRejectAnEntryFileOutsideTheFolderOrNotPython(String entry) throws IOException {
        Files.createDirectories(workspace.resolve("perf"));

        FieldError error = onlyError(valid().script("perf").locustfile(entry));

        assertThat(error.field()).isEqualTo("locustfile");
        assertThat(error.message()).contains("inside the script folder");
    }

    @Test
    void shouldRejectALocustfileNameNextToAFileScript() {
        assertThat(onlyError(valid().locustfile("other.py")).message()).contains("point script at the folder");
    }

    @Test
    void shouldFollowLocalImportsWhenLookingForUserClasses() throws IOException {
        Path folder = Files.createDirectories(workspace.resolve("perf/users"));
        Files.writeString(folder.resolve("__init__.py"), "");
        Files.writeString(folder.resolve("shop.py"), USER_FILE);
        Files.writeString(workspace.resolve("perf/locustfile.py"), "from users.shop import ShopUser\n");

        assertThat(valid().script("perf").build().warnings()).isEmpty();
    }

    @Test
    void shouldWarnWhenASingleFileImportsASiblingThatWillNotShip() throws IOException {
        Files.writeString(workspace.resolve("common.py"), "def login(): pass\n");
        Files.writeString(workspace.resolve("shop.py"), "import common\n" + USER_FILE);

        LoadTestSpec spec = valid().script("shop.py").build();

        assertThat(spec.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("imports common from its folder, but only the file itself is shipped"));
    }

    @Test
    void shouldWarnAboutALocustConfFileInTheFolder() throws IOException {
        Path folder = Files.createDirectories(workspace.resolve("perf"));
        Files.writeString(folder.resolve("locustfile.py"), USER_FILE);
        Files.writeString(folder.resolve("locust.conf"), "users = 5\n");

        assertThat(valid().script("perf").build().warnings())
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("locust.conf");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-u",
                "-u5",
                "--users=5",
                "--master",
                "--worker",
                "--headless",
                "--expect-workers",
                "-t 5m",
                "--processes 4",
                "--config=x.conf"
            })
    void shouldRejectLocustArgsThatOverrideManagedFlags(String arg) {
        FieldError error = onlyError(valid().locustArg(arg));

        assertThat(error.field()).isEqualTo("locustArgs");
        assertThat(error.value()).isEqualTo(arg);
    }

    @Test
    void shouldNameTheFieldToUseInsteadOfAManagedFlag() {
        assertThat(onlyError(valid().locustArg("--users=5")).message())
                .isEqualTo("--users is set by the load test itself (master, workers, headless run); use the 'users'"
                        + " field instead");
        assertThat(onlyError(valid().locustArg("--expect-workers")).message())
                .endsWith("use the 'slaves (and processes)' field instead");
        assertThat(onlyError(valid().locustArg("--headless")).message()).endsWith("remove it");
        assertThat(onlyError(valid().locustArg("--version")).message()).contains("exit without running a test");
    }

    @Test
    void shouldAcceptLocustArgsThatAreNotManaged() {
        LoadTestSpec spec = valid().locustArg("--loglevel DEBUG")
                .locustArg("--exit-code-on-error=0")
                .locustArg("--config-users={}")
                .build();

        assertThat(spec.locustArgs()).hasSize(3);
    }

    @Test
    void shouldRejectInvalidOrManagedEnvNames() {
        assertThat(errorsOf(
                        valid().env("API TOKEN", "x").env("LOCUST_USERS", "5").env("LOCUST_MODE_WORKER", "1")))
                .extracting(FieldError::toString)
                .containsExactly(
                        "env = 'API TOKEN': an environment variable name is letters, digits and '_', not starting with"
                                + " a digit, e.g. API_TOKEN",
                        "env = 'LOCUST_USERS': LOCUST_USERS configures Locust and is set by the load test itself"
                                + " (master, workers, headless run); use the 'users' field instead",
                        "env = 'LOCUST_MODE_WORKER': LOCUST_MODE_WORKER configures Locust and is set by the load test"
                                + " itself (master, workers, headless run); remove it");
    }

    @Test
    void shouldAcceptOrdinaryEnvironmentVariables() {
        assertThat(valid().env("API_TOKEN", "")
                        .env("LOCUST_LOGLEVEL", "DEBUG")
                        .build()
                        .env())
                .isEqualTo(Map.of("API_TOKEN", "", "LOCUST_LOGLEVEL", "DEBUG"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"locustio/locust", "locustio/locust:latest", "registry:5000/locust", "locust:", ""})
    void shouldRejectUnpinnedImages(String image) {
        FieldError error = onlyError(valid().image(image));

        assertThat(error.field()).isEqualTo("image");
        assertThat(error.message()).contains("pin a released version, e.g. locustio/locust:2.47.0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"locustio/locust:2.12.1", "registry:5000/team/locust:2.47.0-custom", "locustio/locust@sha256:abc"
            })
    void shouldAcceptPinnedImages(String image) {
        assertThat(valid().image(image).build().image()).isEqualTo(image);
    }

    @Test
    void shouldParseResourceQuantitiesAndExplainMistakes() {
        List<FieldError> errors = errorsOf(valid().workerResources(new Resources("500Mi", "1.5", "512m", "1Gi"))
                .masterResources(new Resources("half", null, "1Gi", "512Mi")));

        assertThat(errors)
                .extracting(FieldError::toString)
                .containsExactly(
                        "masterResources.cpuRequest = 'half': use a Kubernetes quantity above zero such as 500m, 1 or"
                                + " 2.5 (cores)",
                        "masterResources.memoryLimit = '512Mi': the limit is below the request 1Gi; raise it or lower"
                                + " the request",
                        "workerResources.cpuRequest = '500Mi': CPU is counted in cores or millicores, e.g. 500m, 1 or"
                                + " 2.5 (cores)",
                        "workerResources.memoryRequest = '512m': m means thousandths of a byte here; write Mi for"
                                + " mebibytes, e.g. 512Mi");
    }

    @Test
    void shouldAcceptKubernetesQuantities() {
        assertThat(valid().workerResources(new Resources("1500m", "2", "1.5Gi", "2G"))
                        .build()
                        .workerResources()
                        .cpuLimit())
                .isEqualTo("2");
    }

    @Test
    void shouldCheckHostAliasIpsAndNames() {
        assertThat(errorsOf(valid().hostAlias("api.internal=10.0.0.7")
                        .hostAlias("10.0.0.256=api")
                        .hostAlias("10.0.0.7=Bad_Name")
                        .hostAlias("10.0.0.7")))
                .extracting(FieldError::message)
                .containsExactly(
                        "'api.internal' is not an IP address; hostAliases map IPs to names",
                        "'10.0.0.256' is not an IP address; hostAliases map IPs to names",
                        "'Bad_Name' is not a valid host name (lower-case letters, digits, '-' and '.')",
                        "write IP=name[,name…], e.g. 10.0.0.7=api.internal");
    }

    @Test
    void shouldAcceptIpv4AndIpv6HostAliases() {
        assertThat(valid().hostAlias("10.0.0.7=api.internal, auth.internal")
                        .hostAlias("fd00::7=db.internal")
                        .build()
                        .hostAliases())
                .containsExactly(
                        new HostAlias("10.0.0.7", List.of("api.internal", "auth.internal")),
                        new HostAlias("fd00::7", List.of("db.internal")));
    }

    @Test
    void shouldRejectTagsWithSpacesOrCommas() {
        assertThat(errorsOf(valid().tag("checkout, cart").excludeTag("")))
                .extracting(FieldError::field)
                .containsExactly("tags", "excludeTags");
    }

    @Test
    void shouldCheckKubernetesNames() {
        KubernetesOptions options =
                new KubernetesOptions("Load_Tests", "runner", List.of(), Map.of(), null, false, -1, null);

        assertThat(errorsOf(valid().kubernetes(options)))
                .extracting(FieldError::field)
                .containsExactly("namespace", "maxFollowedWorkerLogs");
    }
}
