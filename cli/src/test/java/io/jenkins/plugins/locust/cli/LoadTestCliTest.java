package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadTestCliTest {
    @Test
    void shouldListTheSubcommandsAndExamplesInTheTopLevelHelp() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: loadtest")
                .contains("  run ")
                .contains("  validate ")
                .contains("Examples:")
                .contains("Exit codes: 0 passed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "report"})
    void shouldShowHelpWithExamplesForEverySubcommand(String subcommand) {
        CliRun run = CliRun.of(subcommand, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: loadtest " + subcommand)
                .contains("Examples:")
                .contains("loadtest " + subcommand + " ");
    }

    @Test
    void shouldPrintTheVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("loadtest 0.1.0-SNAPSHOT\n")
                .contains("default Locust image locustio/locust:2.47.0");
    }

    @Test
    void shouldPrintUsageWithoutASubcommand() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: loadtest");
    }

    @Test
    void shouldExitTwoForAnUnknownSubcommand() {
        CliRun run = CliRun.of("launch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'launch'");
    }
}
