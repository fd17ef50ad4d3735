package io.jenkins.plugins.locust.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineTest {
    /** Builds 3 (failed), 5 (successful), 6 (failed) have the report; 7 is the current build. */
    private static final List<Baseline.Candidate> HISTORY = List.of(
            new Baseline.Candidate(6, false), new Baseline.Candidate(5, true), new Baseline.Candidate(3, false));

    @ParameterizedTest
    @CsvSource({"previous,6", "'',6", "lastSuccessful,5", "3,3", "#5,5", "4,", "none,", "7,"})
    void shouldChooseTheBaselineBuild(String parameter, Integer expected) {
        // when
        Integer chosen = Baseline.parse(parameter).select(7, HISTORY).orElse(null);

        // then
        assertThat(chosen).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"previous", "lastSuccessful", "42", "none"})
    void shouldReadItsOwnText(String parameter) {
        assertThat(Baseline.parse(Baseline.parse(parameter).toString())).isEqualTo(Baseline.parse(parameter));
        assertThat(Baseline.parse(parameter).toString()).isEqualTo(parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "0", "-3", "12345678901", "prev ious"})
    void shouldNameTheFieldAndTheChoicesForABadValue(String parameter) {
        assertThatThrownBy(() -> Baseline.parse(parameter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baseline: '" + parameter + "'")
                .hasMessageContaining("'previous'")
                .hasMessageContaining("'lastSuccessful'")
                .hasMessageContaining("'none'");
    }
}
