package io.jenkins.plugins.locust.page;

import io.jenkins.plugins.locust.trend.TrendModel;
import java.util.Map;

/**
 * The job page's trend document: the charts, and for each named report the URL segment of its build page, so a click
 * on a point opens that report of that build.
 */
public record TrendPage(TrendModel trend, Map<String, String> reportUrls) {
    public TrendPage {
        reportUrls = Map.copyOf(reportUrls);
    }
}
