package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Locust process outlives the tool, whatever ends it, and the tool protects the machine: the CLI jar as a real
 * child JVM with real local Locust processes against the demo shop on 127.0.0.1. Each CLI JVM gets this test's own
 * java.io.tmpdir, so the run folders, and the Locust processes whose command lines name them, are this test's alone.
 */
class ProcessLifetimeIT {
    static final Path REPOSITORY = LoadTestCliIT.REPOSITORY;
    static final Path JAR = REPOSITORY.resolve("cli/target/loadtest.jar");

    @TempDir
    Path dir;

    Path tmp;
    DemoTargetProcess shop;
    final List<Process> started = new ArrayList<>();

    record Cli(Process process, Path out, Path err) {
        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void requireTheVenvAndTheJar() {
        LoadTestCliIT.requireTheVenvAndTheJar();
    }

    @BeforeEach
    void startTheShop() throws Exception {
        tmp = Files.createDirectories(dir.resolve("tmp"));
        shop = DemoTargetProcess.start(REPOSITORY);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        locustProcesses().forEach(ProcessHandle::destroyForcibly);
        shop.close();
    }

    /** {@code java -jar cli/target/loadtest.jar ARGS} in the background, with this test's temp folder. */
    Cli start(String... args) throws IOException {
        int n = started.size();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        Cli cli = new Cli(null, dir.resolve("stdout-" + n + ".txt"), dir.resolve("stderr-" + n + ".txt"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectOutput(cli.out().toFile())
                .redirectError(cli.err().toFile());
        builder.environment().put("LOADTEST_PYTHON", LoadTestCliIT.PYTHON.toString());
        builder.environment().remove("LOADTEST_ALLOW_OVERSIZED_LOCAL");
        Process process = builder.start();
        started.add(process);
        return new Cli(process, cli.out(), cli.err());
    }

    /** Runs the CLI to its end (within 3 minutes). */
    Cli run(String... args) throws IOException, InterruptedException {
        Cli cli = start(args);
        assertThat(cli.process().waitFor(180, TimeUnit.SECONDS))
                .as("loadtest did not end within 180 s")
                .isTrue();
        return cli;
    }

    /** Live processes whose command line names this test's temp folder: the Locust processes of its runs. */
    List<ProcessHandle> locustProcesses() {
        String marker = tmp.toString() + "/";
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .toList();
        }
    }

    List<Path> runFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "loadtest-run-*")) {
            entries.forEach(folders::add);
        }
        return folders;
    }

    long shopRequests() throws IOException, InterruptedException {
        return new ObjectMapper().readTree(shop.stats()).path("requests").asLong();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    interface IoCondition {
        boolean holds() throws Exception;
    }

    static BooleanSupplier io(IoCondition condition) {
        return () -> {
            try {
                return condition.holds();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void shouldEndEveryLocustProcessAndTheLoadWithinSecondsWhenTheCliIsKilled() throws Exception {
        // given a run of 60 s loading the shop
        Cli cli = start(shoppers(dir.resolve("out"), 4, 2, "60s", "-r", "4"));
        await("requests at the shop", Duration.ofSeconds(90), io(() -> shopRequests() > 0));
        List<ProcessHandle> locust = locustProcesses();
        assertThat(locust).as("master and 2 workers").hasSize(3);
        List<Path> folders = runFolders();
        assertThat(folders).hasSize(1);

        // when the CLI's JVM is killed: no shutdown hook, no cleanup
        Instant killed = Instant.now();
        cli.process().destroyForcibly();
        assertThat(cli.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        // then every Locust process exits on its own within seconds
        await("all Locust processes to exit", Duration.ofSeconds(10), () -> locust.stream()
                .noneMatch(ProcessHandle::isAlive));
        System.out.printf(
                "All %d Locust processes exited %d ms after the SIGKILL%n",
                locust.size(), Duration.between(killed, Instant.now()).toMillis());
        assertThat(locustProcesses()).isEmpty();
        // and the shop gets nothing more: measured over 3 s, while a shopper sends every 0.5 to 1.5 s
        long served = shopRequests();
        Instant windowEnd = Instant.now().plusSeconds(3);
        await("the measurement window", Duration.ofSeconds(5), () -> Instant.now()
                .isAfter(windowEnd));
        assertThat(shopRequests()).isEqualTo(served);
        // the killed JVM could not remove its folder; the local sweep does
        assertThat(folders.get(0)).isDirectory();
        Cli sweep = run("sweep", "--backend", "local");
        assertThat(sweep.process().exitValue()).as(sweep.stderr()).isZero();
        assertThat(sweep.stdout()).contains("removed " + folders.get(0)).contains("Swept 1 folders");
        assertThat(runFolders()).isEmpty();
    }

    @Test
    void shouldLeaveNoProcessAndSayInterruptedWhenTerminatedWhileWorkersStart() throws Exception {
        // given a run of 20 workers, caught while they are being started
        Cli cli = start(shoppers(dir.resolve("out"), 2, 20, "5s", "--allow-oversized-local"));
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        await("the first Locust processes", Duration.ofSeconds(60), () -> {
            seen.addAll(locustProcesses());
            return seen.size() >= 2;
        });
        int atSignal = locustProcesses().size();

        // when
        cli.process().destroy(); // SIGTERM
        while (cli.process().isAlive()) {
            seen.addAll(locustProcesses());
            cli.process().waitFor(10, TimeUnit.MILLISECONDS);
        }

        // then
        System.out.printf(
                "SIGTERM with %d of 21 Locust processes started; %d seen in all; exit code %d%n",
                atSignal, seen.size(), cli.process().exitValue());
        assertThat(cli.process().exitValue()).isEqualTo(143);
        assertThat(cli.stderr())
                .contains("loadtest: interrupted")
                .doesNotContain("Cannot run program")
                .doesNotContain("No such file or directory");
        await("no Locust process of the run", Duration.ofSeconds(10), () -> locustProcesses()
                .isEmpty());
        assertThat(seen).noneMatch(ProcessHandle::isAlive);
        assertThat(runFolders()).isEmpty();
    }

    @Test
    void shouldRefuseSlavesAndUsersFarBeyondTheMachineBeforeStartingAnything() throws Exception {
        // given
        int tooManySlaves = Math.max(4, Runtime.getRuntime().availableProcessors() * 4) + 1;

        // when
        Cli cli = run(shoppers(dir.resolve("out"), 1_000_000_000L, tooManySlaves, "5s"));

        // then
        String err = cli.stderr();
        assertThat(cli.process().exitValue()).as(err).isEqualTo(2);
        assertThat(err)
                .contains("loadtest: invalid input (2 errors):")
                .contains("slaves (--slaves) = '" + tooManySlaves + "': " + tooManySlaves
                        + " Locust worker processes is far beyond this machine's")
                .contains("the local backend starts at most " + (tooManySlaves - 1))
                .contains("users (--users) = '1000000000': 1000000000 users are far more than this machine's")
                .contains("pass --allow-oversized-local to start them anyway");
        assertThat(runFolders()).isEmpty();
        assertThat(shopRequests()).isZero();
    }

    /** {@code run} arguments for the example shoppers against the shop, writing to {@code out}. */
    String[] shoppers(Path out, long users, int slaves, String runTime, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "examples/locustfile.py",
                "-u",
                String.valueOf(users),
                "-s",
                String.valueOf(slaves),
                "-t",
                runTime,
                "-H",
                shop.url(),
                "--out",
                out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void shouldRefuseASecondRunOnTheSameOutAndTakeOverTheLockOfAKilledOne() throws Exception {
        // given a run writing to out
        Path out = dir.resolve("out");
        Cli first = start(shoppers(out, 1, 1, "60s"));
        await("the first run to start", Duration.ofSeconds(90), io(() -> first.stderr()
                .contains("workers connected")));

        // when a second run is pointed at the same folder
        Cli second = run(shoppers(out, 1, 1, "2s"));

        // then it refuses, naming the holder, and the first goes on
        assertThat(second.process().exitValue()).isEqualTo(2);
        assertThat(second.stderr())
                .contains("loadtest: Another run is writing to the output folder --out " + out + " (loadtest pid "
                        + first.process().pid() + ", started ")
                .contains("give this run another --out");
        assertThat(first.process().isAlive()).isTrue();

        // when the first run is killed and a third one starts
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        Cli third = run(shoppers(out, 1, 1, "2s"));

        // then it takes the killed run's lock over, and removes its leftovers
        assertThat(third.process().exitValue()).as(third.stderr()).isZero();
        assertThat(third.stderr())
                .contains(out + " was locked by a run that ended without releasing it (loadtest pid "
                        + first.process().pid())
                .contains("Removed what a killed local run left behind: " + tmp);
        assertThat(out.resolve(OutputLock.FILE)).isEmptyFile();
        assertThat(runFolders()).isEmpty();
    }
}
