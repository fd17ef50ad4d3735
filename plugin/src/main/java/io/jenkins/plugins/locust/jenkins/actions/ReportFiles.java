package io.jenkins.plugins.locust.jenkins.actions;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The files a run left in its build folder that the report page links to: the standalone report, result.json,
 * junit.xml and Locust's CSVs. Only these names are served (no path from the URL ever reaches the file system), with
 * the sandboxing policy Jenkins gives archived files.
 */
final class ReportFiles {
    /** What Jenkins' DirectoryBrowserSupport sends for user content unless an administrator relaxes it. */
    static final String SANDBOX_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";

    static final List<String> SERVED = List.of(
            "report.html",
            "report.css",
            "result.json",
            "junit.xml",
            "locust_stats.csv",
            "locust_stats_history.csv",
            "locust_failures.csv",
            "locust_exceptions.csv");

    private ReportFiles() {}

    /** The file's response, or empty when the name is not one of {@link #SERVED} or the run did not write it. */
    static Optional<HttpResponse> serve(Path folder, String name) {
        if (!SERVED.contains(name)) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new FileResponse(file, contentType(name)));
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html")) {
            return "text/html;charset=UTF-8";
        }
        if (lower.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (lower.endsWith(".json")) {
            return "application/json;charset=UTF-8";
        }
        if (lower.endsWith(".xml")) {
            return "application/xml;charset=UTF-8";
        }
        return "text/csv;charset=UTF-8";
    }

    private record FileResponse(Path file, String contentType) implements HttpResponse {
        @Override
        public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
            rsp.setStatus(HttpServletResponse.SC_OK);
            rsp.setContentType(contentType);
            rsp.setHeader("Content-Security-Policy", SANDBOX_CSP);
            rsp.setHeader("X-Content-Type-Options", "nosniff");
            rsp.setContentLengthLong(Files.size(file));
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(rsp.getOutputStream());
            }
        }
    }
}
