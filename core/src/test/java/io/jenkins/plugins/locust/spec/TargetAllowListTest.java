package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAllowListTest {
    @Test
    void shouldAllowAnyHostWhenEmptyOrStar() {
        assertThat(TargetAllowList.parse("").allows("https://anything.example")).isTrue();
        assertThat(TargetAllowList.parse(null).allowsAny()).isTrue();
        assertThat(TargetAllowList.parse(" # nothing yet\n").allowsAny()).isTrue();
        assertThat(TargetAllowList.parse("example.com\n*").allows("http://10.1.2.3"))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "staging.example.com, https://staging.example.com, true",
        "staging.example.com, https://STAGING.example.com:8443/api, true",
        "staging.example.com, https://prod.example.com, false",
        "*.example.com, https://a.b.example.com, true",
        "*.example.com, https://example.com, false",
        "*.example.com, https://badexample.com, false",
        "127.0.0.1:8080, http://127.0.0.1:8080, true",
        "127.0.0.1:8080, http://127.0.0.1:8081, false",
        "127.0.0.1:80, http://127.0.0.1, true",
        "shop.local:443, https://shop.local, true",
        "shop.local:443, http://shop.local, false",
        "[::1]:8080, http://[::1]:8080, true",
        "::1, http://[::1]:9000, true",
    })
    void shouldMatchHostAndPortPatterns(String pattern, String url, boolean allowed) {
        assertThat(TargetAllowList.parse(pattern).allows(url)).isEqualTo(allowed);
    }

    @Test
    void shouldAcceptSeveralPatternsPerLineAndComments() {
        TargetAllowList list = TargetAllowList.parse("a.example.com, b.example.com # the two staging hosts\n10.0.0.5");

        assertThat(list.patterns()).containsExactly("a.example.com", "b.example.com", "10.0.0.5");
        assertThat(list).hasToString("a.example.com, b.example.com, 10.0.0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "exa mple.com", "a.*.example.com", "example.com:99999", "ex*.com"})
    void shouldRejectWhatIsNotAHostPatternNamingIt(String pattern) {
        assertThatThrownBy(() -> TargetAllowList.parse("ok.example.com\n" + pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + pattern + "'")
                .hasMessageNotContaining("'ok.example.com'");
        assertThat(TargetAllowList.problems(pattern)).isPresent();
    }
}
