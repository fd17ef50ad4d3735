package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Locust parses its flags with argparse, which takes any unambiguous prefix of a long flag ({@code --use=7} is
 * {@code --users=7}): such abbreviations of a managed flag must be refused like the flag itself, or the load that ran
 * is not the load the result reports.
 */
class LocustArgsValidationTest {
    @TempDir
    Path workspace;

    @BeforeEach
    void writeLocustfile() throws IOException {
        Files.writeString(workspace.resolve("locustfile.py"), SpecValidatorTest.USER_FILE);
    }

    private LoadTestSpecBuilder valid() {
        return LoadTestSpec.builder().workspace(workspace).script("locustfile.py");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--use=7",
                "--u 7",
                "--hos=http://elsewhere.example",
                "--run-ti=5s",
                "--maste",
                "--master-b=0.0.0.0",
                "--expect-w=3",
                "--spawn=50",
                "--head",
                "--lo=other.py",
                "--stop=0",
                "-s0",
                "--csv=mine",
                "--cs mine",
                "--show-task-ratio-json",
                "--conf=x.conf"
            })
    void shouldRefuseAbbreviationsAndShortFormsOfManagedFlags(String arg) {
        // when
        FieldError error = SpecValidatorTest.onlyError(valid().locustArg(arg));

        // then
        assertThat(error.field()).isEqualTo("locustArgs");
        assertThat(error.value()).isEqualTo(arg);
    }

    @Test
    void shouldNameTheFlagAnAbbreviationStandsFor() {
        assertThat(SpecValidatorTest.onlyError(valid().locustArg("--use=7")).message())
                .isEqualTo("--use is an abbreviation of --users to Locust, and --users is set by the load test itself"
                        + " (master, workers, headless run); use the 'users' field instead");
        assertThat(SpecValidatorTest.onlyError(valid().locustArg("--hos=http://x"))
                        .message())
                .startsWith("--hos is an abbreviation of --host to Locust")
                .endsWith("use the 'host' field instead");
    }

    @Test
    void shouldSayWhereTheCsvFilesGoWhenCsvIsPassed() {
        assertThat(SpecValidatorTest.onlyError(valid().locustArg("--csv=mine")).message())
                .isEqualTo("--csv is set by the load test itself: Locust's CSV files are written to the output folder"
                        + " (result.json's folder; --out on the command line); remove it and find them there");
        FieldError env = SpecValidatorTest.onlyError(valid().env("LOCUST_CSV", "mine"));
        assertThat(env.field()).isEqualTo("env");
        assertThat(env.message()).startsWith("LOCUST_CSV configures Locust and is set by the load test itself:");
    }

    @Test
    void shouldRefuseTheOldSpawnRateVariable() {
        assertThat(SpecValidatorTest.onlyError(valid().env("LOCUST_HATCH_RATE", "5"))
                        .message())
                .endsWith("use the 'spawnRate' field instead");
    }

    @Test
    void shouldAcceptLocustsOtherFlagsEvenWhenTheyStartLikeAManagedOne() {
        // --config-users is not --config, --csv-full-history is not --csv: argparse takes an exact match as it is
        LoadTestSpec spec = valid().locustArg("--config-users={}")
                .locustArg("--csv-full-history")
                .locustArg("--exit-code-on-error=0")
                .locustArg("--loglevel=DEBUG")
                .locustArg("-L DEBUG")
                .locustArg("--html=report.html")
                .locustArg("--reset-stats")
                .locustArg("--")
                .build();

        assertThat(spec.locustArgs()).hasSize(8);
    }
}
