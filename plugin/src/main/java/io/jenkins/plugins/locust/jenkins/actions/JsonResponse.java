package io.jenkins.plugins.locust.jenkins.actions;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON document for the pages' scripts (fetched, never inlined: Jenkins' CSP forbids inline scripts). */
public final class JsonResponse implements HttpResponse {
    private final int status;
    private final byte[] body;

    private JsonResponse(int status, String json) {
        this.status = status;
        this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    static JsonResponse ok(String json) {
        return new JsonResponse(HttpServletResponse.SC_OK, json);
    }

    /** A 404 whose body says why, for the page to show. */
    static JsonResponse notFound(String message) {
        return new JsonResponse(
                HttpServletResponse.SC_NOT_FOUND,
                "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    public int status() {
        return status;
    }

    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-cache");
        rsp.setContentLength(body.length);
        rsp.getOutputStream().write(body);
    }
}
