package io.jenkins.plugins.locust.jenkins.actions;

import static io.jenkins.plugins.locust.jenkins.actions.LoadTestBuildActionTest.completed;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.page.LiveProgress;
import io.jenkins.plugins.locust.report.HeadlessChromium;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.result.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins pages in headless Debian chromium: the element each Jelly view renders, the plugin's report.js and
 * ECharts (npm's echarts 6.0.0, the version echarts-api 6.0.0-x bundles; `make test` fetches it), and JSON from the
 * actions' real methods, served under Jenkins' own content security policy. Screenshots stay in
 * target/browser-it/ for review.
 */
class ReportPagesBrowserIT {
    private static final Path OUT = Path.of("target", "browser-it").toAbsolutePath();
    private static final String VIEWS = "src/main/resources/io/jenkins/plugins/locust/jenkins/actions/";

    @TempDir
    Path home;

    @TempDir
    Path work;

    private TestJob job;
    private LoadTestBuildAction shop;
    private LoadTestBuildAction running;

    @BeforeEach
    void builds() throws Exception {
        assertThat(HeadlessChromium.find())
                .as("chromium at " + HeadlessChromium.BINARY + " (`make test` installs it)")
                .isPresent();
        assertThat(echarts())
                .as("ECharts at " + echarts() + ": run `make test`, which fetches it")
                .isRegularFile();
        job = new TestJob(home);
        LoadTestResult base = ResultFixtures.realistic();
        completed(job.newBuild(), "shop", base);
        completed(job.newBuild(), "shop", base);
        shop = completed(job.newBuild(), "shop", ResultFixtures.realistic());
        running = new LoadTestBuildAction("shop", "locust-shop", "locust/lt-live");
        job.newBuild().addAction(running);
        List<Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            snapshots.add(new Snapshot(i * 2, Math.min(20, i * 4), 2, i * 3.5, 0, 20, 80 + i, 120 + i, i * 7L, 0));
        }
        running.started(() -> new LiveProgress("running", false, 20, 2, snapshots));
        Files.createDirectories(OUT);
    }

    @Test
    void shouldDrawTheReportsChartsAndTablesUnderJenkinsCsp() throws Exception {
        try (PageServer server = server()) {
            HeadlessChromium.Run run = render(server.url("/job/demo/3/locust-shop/"), "report.png");

            assertThat(run.consoleMessages())
                    .as("console messages and CSP violations")
                    .isEmpty();
            String dom = run.stdout();
            assertThat(dom).contains("data-state=\"final\"");
            // users, requests/s, response times and the distribution: one canvas each
            assertThat(count(dom, "<canvas")).isEqualTo(4);
            assertThat(dom)
                    .contains("locust-thresholds", "locust-endpoints", "locust-failures", "locust-exceptions")
                    .contains("locust-workers", "locust-timings")
                    .contains("GET /api/cart")
                    .contains("verdict-unstable")
                    .contains("used 93 % CPU: the numbers may measure the generator");
            assertThat(server.requests()).contains("/job/demo/3/locust-shop/page");
        }
    }

    @Test
    void shouldShowTheReportInChineseFromTheViewsTranslations() throws Exception {
        try (PageServer server = server()) {
            HeadlessChromium.Run run = render(server.url("/zh_CN/job/demo/3/locust-shop/"), "report_zh_CN.png");

            assertThat(run.consoleMessages())
                    .as("console messages and CSP violations")
                    .isEmpty();
            // section titles, column heads and the generator warning come from index_zh_CN.properties
            assertThat(run.stdout())
                    .contains("data-state=\"final\"")
                    .contains("<h2>阈值</h2>", "<h2>负载生成器</h2>", ">请求数<")
                    .contains("的 CPU 使用率达到 93 %")
                    .doesNotContain("<h2>Thresholds</h2>");
        }
    }

    @Test
    void shouldShowTheLiveProgressOfARunningTest() throws Exception {
        try (PageServer server = server()) {
            HeadlessChromium.Run run = render(server.url("/job/demo/4/locust-shop/"), "live.png");

            assertThat(run.consoleMessages())
                    .as("console messages and CSP violations")
                    .isEmpty();
            assertThat(run.stdout())
                    .contains("data-state=\"live\"")
                    .contains("running: 20 of 20 users, 49 req/s, p95 94 ms");
            assertThat(count(run.stdout(), "<canvas")).isEqualTo(3);
            assertThat(server.requests()).contains("/job/demo/4/locust-shop/live");
        }
    }

    @Test
    void shouldDrawTheTrendAndOpenTheBuildOfAClickedPoint() throws Exception {
        try (PageServer server = server()) {
            HeadlessChromium.Run trend = render(server.url("/job/demo/"), "trend.png");
            assertThat(trend.consoleMessages())
                    .as("console messages and CSP violations")
                    .isEmpty();
            assertThat(count(trend.stdout(), "<canvas")).isEqualTo(4);

            // the same box under another root URL whose build page answers 204, so the test sees where a click goes
            LoadTestJobAction action = new LoadTestJobAction(job);
            server.route("/clicked/job/demo/", "text/html", () -> page(
                                    "LoadTestJobAction/floatingBox.jelly",
                                    Map.of(
                                            "rootURL",
                                            "/clicked",
                                            "from.job.url",
                                            "job/demo/",
                                            "from.urlName",
                                            "locust-trend"),
                                    "/static/trend-click.js")
                            .getBytes(StandardCharsets.UTF_8))
                    .json("/clicked/job/demo/locust-trend/trend", () -> (JsonResponse) action.doTrend(null))
                    .noContent("/clicked/job/demo/1/locust-shop/");
            HeadlessChromium.Run click = render(server.url("/clicked/job/demo/"), "click.png");

            assertThat(click.consoleMessages()).isEmpty();
            assertThat(server.requests())
                    .as("the click opened build #1's report")
                    .contains("/clicked/job/demo/1/locust-shop/");
        }
    }

    @Test
    void shouldCompareTwoBuildsSideBySide() throws Exception {
        try (PageServer server = server()) {
            HeadlessChromium.Run run = render(server.url("/job/demo/3/locust-shop/compare?with=1"), "compare.png");

            assertThat(run.consoleMessages()).isEmpty();
            assertThat(run.stdout()).contains("locust-deltas", "#1", "#3", "change-same");
            assertThat(server.requests()).contains("/job/demo/3/locust-shop/comparison?with=1");
        }
    }

    @Test
    void shouldSeeAViolationOnAPageThatBreaksThePolicy() throws Exception {
        try (PageServer server = server()) {
            server.route(
                    "/broken",
                    "text/html",
                    () -> "<!DOCTYPE html><html><body><script>console.error('inline ran')</script></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
            HeadlessChromium.Run run = render(server.url("/broken"), "broken.png");

            // the control proves the checks above can fail: Jenkins' policy refuses an inline script
            assertThat(run.consoleMessages()).anyMatch(m -> m.contains("Content Security Policy"));
            assertThat(run.consoleMessages()).noneMatch(m -> m.contains("inline ran"));
        }
    }

    private PageServer server() throws IOException {
        PageServer server = new PageServer();
        server.route("/static/report.js", "text/javascript", () -> resource("report.js"))
                .route("/static/report.css", "text/css", () -> resource("report.css"))
                .route("/static/trend-click.js", "text/javascript", () -> resource("trend-click.js"))
                .route("/static/echarts.min.js", "text/javascript", () -> read(echarts()));
        for (int build = 1; build <= 4; build++) {
            LoadTestBuildAction action = job.getBuildByNumber(build)
                    .getActions(LoadTestBuildAction.class)
                    .get(0);
            String base = "/job/demo/" + build + "/locust-shop/";
            Map<String, String> values = Map.of("it.running", Boolean.toString(action.isRunning()));
            server.route(base, "text/html", () -> page("LoadTestBuildAction/index.jelly", values)
                            .getBytes(StandardCharsets.UTF_8))
                    .route("/zh_CN" + base, "text/html", () -> localizedPage(
                                    "LoadTestBuildAction/index.jelly", values, "_zh_CN")
                            .getBytes(StandardCharsets.UTF_8))
                    .json("/zh_CN" + base + "page", () -> (JsonResponse) action.doPage())
                    .route(base + "compare", "text/html", () -> page("LoadTestBuildAction/compare.jelly", values)
                            .getBytes(StandardCharsets.UTF_8))
                    .json(base + "page", () -> (JsonResponse) action.doPage())
                    .json(base + "live", () -> (JsonResponse) action.doLive())
                    .json(base + "comparison", () -> (JsonResponse) action.doComparison("1"));
        }
        LoadTestJobAction trend = new LoadTestJobAction(job);
        server.route("/job/demo/", "text/html", () -> page(
                                "LoadTestJobAction/floatingBox.jelly",
                                Map.of("rootURL", "", "from.job.url", "job/demo/", "from.urlName", "locust-trend"))
                        .getBytes(StandardCharsets.UTF_8))
                .json("/job/demo/locust-trend/trend", () -> (JsonResponse) trend.doTrend(null));
        return server;
    }

    private HeadlessChromium.Run render(String url, String screenshot) throws Exception {
        HeadlessChromium.Run run = HeadlessChromium.run(
                url, work.resolve(screenshot + ".dom"), "--virtual-time-budget=20000", "--dump-dom");
        HeadlessChromium.run(
                url,
                work.resolve(screenshot),
                "--virtual-time-budget=20000",
                "--window-size=1280,2400",
                "--hide-scrollbars",
                "--screenshot=" + OUT.resolve(screenshot));
        assertThat(run.exitCode()).isZero();
        return run;
    }

    /**
     * The page a Jelly view renders, as far as the script sees it: the view's {@code locust-…} elements with their
     * expressions filled in, after the adjuncts' stylesheet and scripts (which Stapler puts in the head).
     */
    static String page(String view, Map<String, String> values, String... extraScripts) {
        return localizedPage(view, values, "", extraScripts);
    }

    /** The page in a locale ({@code ""} or {@code "_zh_CN"}): {@code ${%key}} from the view's properties, as Stapler does. */
    static String localizedPage(String view, Map<String, String> values, String locale, String... extraScripts) {
        String jelly;
        try {
            jelly = Files.readString(Path.of(VIEWS, view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder body = new StringBuilder();
        Matcher element = Pattern.compile("<div class=\"locust-(report|trend|compare)\"[^>]*/>", Pattern.DOTALL)
                .matcher(jelly);
        while (element.find()) {
            String div = element.group();
            for (Map.Entry<String, String> value : values.entrySet()) {
                div = div.replace("${" + value.getKey() + "}", value.getValue());
            }
            div = localized(view, div, locale);
            assertThat(div).as("every expression of " + view + " filled in").doesNotContain("${");
            body.append(div, 0, div.length() - 2).append("></div>");
        }
        assertThat(body).as(view + " renders a locust element").isNotEmpty();
        StringBuilder head = new StringBuilder("<link rel=\"stylesheet\" href=\"/static/report.css\">"
                + "<script src=\"/static/echarts.min.js\"></script><script src=\"/static/report.js\"></script>");
        for (String script : extraScripts) {
            head.append("<script src=\"").append(script).append("\"></script>");
        }
        return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
    }

    /** Replaces {@code ${%key}} with the view's text in {@code locale}, formatted and escaped as Stapler does. */
    private static String localized(String view, String div, String locale) {
        Matcher key = Pattern.compile("\\$\\{%(\\w+)}").matcher(div);
        StringBuilder out = new StringBuilder();
        while (key.find()) {
            String pattern = viewText(view, locale, key.group(1));
            String text = new java.text.MessageFormat(pattern).format(new Object[0]);
            key.appendReplacement(
                    out,
                    Matcher.quoteReplacement(text.replace("&", "&amp;")
                            .replace("\"", "&quot;")
                            .replace("<", "&lt;")
                            .replace(">", "&gt;")));
        }
        key.appendTail(out);
        return out.toString();
    }

    private static String viewText(String view, String locale, String key) {
        for (String suffix : List.of(locale, "")) {
            Path file = Path.of(VIEWS, view.replace(".jelly", suffix + ".properties"));
            if (Files.isRegularFile(file)) {
                java.util.Properties texts = new java.util.Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    texts.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (texts.containsKey(key)) {
                    return texts.getProperty(key);
                }
            }
        }
        return key;
    }

    private static Path echarts() {
        return Path.of(System.getProperty(
                "echarts.js",
                System.getProperty("user.home") + "/.cache/locust-load-test/echarts-6.0.0/echarts.min.js"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReportPagesBrowserIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
