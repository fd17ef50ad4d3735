package io.jenkins.plugins.locust.jenkins.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportNamesTest {
    @ParameterizedTest
    @CsvSource({"perf/locustfile.py, locustfile", "perf/shop/, shop", "shop.py, shop", "C:\\perf\\api.py, api"})
    void shouldNameAReportAfterItsScript(String script, String name) {
        assertThat(ReportNames.defaultName(script)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"Checkout & Payment!, locust-checkout-payment", "'', locust", "../../etc, locust-etc"})
    void shouldGiveUrlSafeNames(String name, String urlName) {
        assertThat(ReportNames.urlName(name, List.of())).isEqualTo(urlName);
    }

    @ParameterizedTest
    @CsvSource({"shop, locust-shop-3"})
    void shouldNumberDuplicatesInOneBuild(String name, String urlName) {
        assertThat(ReportNames.urlName(name, List.of("locust-shop", "locust-shop-2")))
                .isEqualTo(urlName);
    }
}
