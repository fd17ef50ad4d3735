package io.jenkins.plugins.locust.trend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Trend charts as data, ready to be drawn (ECharts in Jenkins) or asserted in tests: the builds along the x axis,
 * oldest first, and per metric one series per named report, with {@code null} where a build has no such report.
 */
public record TrendModel(List<Integer> builds, List<Chart> charts) {
    public TrendModel {
        builds = List.copyOf(builds);
        charts = List.copyOf(charts);
    }

    public boolean empty() {
        return builds.isEmpty();
    }

    /** One metric across builds. */
    public record Chart(String id, String title, String unit, List<Series> series) {
        public Chart {
            series = List.copyOf(series);
        }
    }

    /**
     * One report's values, aligned with {@link TrendModel#builds()}.
     *
     * @param values one per build; {@code null} where the build has no report of this name
     */
    public record Series(String name, List<Double> values) {
        public Series {
            // List.copyOf refuses the nulls that mark a build without this report.
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }
}
