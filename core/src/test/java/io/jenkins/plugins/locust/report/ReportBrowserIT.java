package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.locust.result.LoadTestResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the standalone report in headless Chromium, served with Jenkins' default content security policy, and
 * checks that charts and tables render, the stylesheet applies, and nothing is refused or logged. The screenshot
 * stays in target/browser-it/report.png.
 */
class ReportBrowserIT {
    private static final Path OUT = Path.of("target", "browser-it").toAbsolutePath();

    @TempDir
    Path work;

    @BeforeAll
    static void writeReport() throws Exception {
        assumeTrue(
                HeadlessChromium.find().isPresent(),
                "browser tests skipped: no chromium at " + HeadlessChromium.BINARY
                        + " (`make test` installs it with apt-get install chromium)");
        LoadTestResult result = ReportFixture.result();
        ReportWriter.writeAll(result, ReportFixture.verdict(result), OUT);
        Files.writeString(
                OUT.resolve("control.html"),
                "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"report.css\"></head><body>"
                        + "<p style=\"color:red\">inline</p><script>console.error('script ran')</script></body></html>");
    }

    @Test
    void shouldRenderEveryChartAndTableWithoutConsoleMessages() throws Exception {
        try (CspFileServer server = new CspFileServer(OUT)) {
            HeadlessChromium.Run run = HeadlessChromium.run(server.url("report.html"), work, "--dump-dom");

            assertThat(run.exitCode()).isZero();
            assertThat(run.consoleMessages())
                    .as("console messages and CSP violations")
                    .isEmpty();
            assertThat(server.requests()).contains("/report.html", "/report.css");
            String dom = run.stdout();
            assertThat(count(dom, "<svg class=\"chart\"")).isEqualTo(3);
            assertThat(count(dom, "<polyline class=\"line")).isEqualTo(6);
            assertThat(dom)
                    .contains("<h1>Load test FAILED</h1>")
                    .contains("<table class=\"thresholds\">")
                    .contains("<table class=\"endpoints\">")
                    .contains("<table class=\"failures\">")
                    .contains("<table class=\"exceptions\">")
                    .contains("<table class=\"workers\">")
                    .contains("<table class=\"timings\">")
                    .contains("<ul class=\"warnings\">");
            assertThat(count(dom, "<tr class=\"outcome-")).isEqualTo(5);
        }
    }

    @Test
    void shouldSeeViolationsOnAPageThatBreaksThePolicy() throws Exception {
        try (CspFileServer server = new CspFileServer(OUT)) {
            HeadlessChromium.Run run = HeadlessChromium.run(server.url("control.html"), work, "--dump-dom");

            // The control proves the check above can fail: an inline style and a script are both refused.
            assertThat(run.consoleMessages())
                    .anyMatch(m -> m.contains("Content Security Policy") && m.contains("style-src"))
                    .anyMatch(m -> m.contains("Blocked script execution"));
            assertThat(run.consoleMessages()).noneMatch(m -> m.contains("script ran"));
        }
    }

    @Test
    void shouldPaintTheChartsInTheStylesheetsColours() throws Exception {
        Path screenshot = OUT.resolve("report.png");
        Files.deleteIfExists(screenshot);
        try (CspFileServer server = new CspFileServer(OUT)) {
            HeadlessChromium.Run run = HeadlessChromium.run(
                    server.url("report.html"),
                    work,
                    "--screenshot=" + screenshot,
                    "--window-size=1280,2200",
                    "--hide-scrollbars");

            assertThat(run.exitCode()).isZero();
        }
        BufferedImage image = ImageIO.read(screenshot.toFile());
        // Lines have no stroke without report.css, so coloured pixels prove both the SVG and the stylesheet.
        assertThat(pixels(image, 0x8250df)).as("users line").isGreaterThan(100);
        assertThat(pixels(image, 0x0969da)).as("requests/s line").isGreaterThan(100);
        assertThat(pixels(image, 0x1a7f37)).as("p50 line").isGreaterThan(100);
        assertThat(pixels(image, 0xbc4c00)).as("p95 line").isGreaterThan(100);
        assertThat(pixels(image, 0xcf222e))
                .as("p99, failures and the failed verdict")
                .isGreaterThan(100);
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    /** Pixels within a small distance of {@code rgb} (lines are anti-aliased). */
    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int dr = ((p >> 16) & 0xff) - ((rgb >> 16) & 0xff);
                int dg = ((p >> 8) & 0xff) - ((rgb >> 8) & 0xff);
                int db = (p & 0xff) - (rgb & 0xff);
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    count++;
                }
            }
        }
        return count;
    }
}
