package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldChecksTest {
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "500", " 4 "})
    void shouldAcceptEmptyOrPositiveWholeNumbers(String value) {
        assertThat(FieldChecks.positiveWholeNumber("Users", value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "ten", "1.5", "99999999999"})
    void shouldNameTheFieldAndTheBadValue(String value) {
        assertThat(FieldChecks.positiveWholeNumber("Users", value)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Users must be a whole number of at least 1")
                .contains("'" + value.trim() + "'")
                .contains("Leave it empty to use the default"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void shouldRequireTheScript(String value) {
        assertThat(FieldChecks.required("Script", value))
                .hasValueSatisfying(message -> assertThat(message).startsWith("Script is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"perf/locustfile.py"})
    void shouldAcceptAnyScriptPath(String value) {
        assertThat(FieldChecks.required("Script", value)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"previous", "lastSuccessful", "42", "#42", "none"})
    void shouldAcceptTheBaselineChoices(String value) {
        assertThat(FieldChecks.baseline(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "0", "-1", "last"})
    void shouldNameTheBaselineFieldTheValueAndTheChoices(String value) {
        assertThat(FieldChecks.baseline(value)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("baseline: '" + value + "' is not a baseline")
                .contains("'previous'", "'lastSuccessful'", "'none'"));
    }
}
