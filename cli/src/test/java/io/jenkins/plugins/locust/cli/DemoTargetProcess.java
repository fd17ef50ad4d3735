package io.jenkins.plugins.locust.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo shop (examples/target/DemoTarget.java) as a process on 127.0.0.1, for integration tests. */
final class DemoTargetProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DemoTarget listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final String url;

    private DemoTargetProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the shop and waits (with a deadline) until it prints its address. */
    static DemoTargetProcess start(Path repository) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "examples/target/DemoTarget.java",
                        "--port",
                        "0")
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> awaitAddress(process));
        try {
            return new DemoTargetProcess(process, address.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the demo shop did not print its address within 60 s", e);
        }
    }

    private static String awaitAddress(Process process) {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the demo shop ended without printing its address");
    }

    String url() {
        return url;
    }

    /** The shop's own counts ({@code /stats}) as JSON text. */
    String stats() throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url + "/stats"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** Closes its stdin (the shop stops on EOF), then makes sure it is gone. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        Instant deadline = Instant.now().plusSeconds(10);
        if (!process.waitFor(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
