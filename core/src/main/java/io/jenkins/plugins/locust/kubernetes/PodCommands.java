package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.run.LocustCommandLine;
import io.jenkins.plugins.locust.run.LocustVersion;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.util.ArrayList;
import java.util.List;

/** The engine's Locust command lines ({@link LocustCommandLine}, shared with the local backend) as the pods run them. */
final class PodCommands {
    static final int MASTER_PORT = 5557;
    static final int WEB_PORT = 8089;

    private PodCommands() {}

    /** With the web UI, Locust starts the test itself ({@code --autostart}) and quits when it is over. */
    static List<String> master(LoadTestSpec spec, String filesDir, boolean webUi) {
        List<String> args = new ArrayList<>(LocustCommandLine.master(spec, filesDir, null, MASTER_PORT, null));
        if (webUi) {
            int headless = args.indexOf("--headless");
            args.remove(headless);
            args.addAll(headless, List.of("--autostart", "--autoquit", "0", "--web-port", String.valueOf(WEB_PORT)));
        }
        return args;
    }

    static List<String> worker(LoadTestSpec spec, String filesDir, String masterHost) {
        try {
            return LocustCommandLine.worker(spec, filesDir, masterHost, MASTER_PORT, imageVersion(spec.image()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(
                    List.of(new FieldError("processes", String.valueOf(spec.processes()), e.getMessage())));
        }
    }

    /**
     * The Locust version of an official image's tag; for any other image the user's settings are trusted (it is
     * taken to have {@code --processes}), since its tag says nothing about the Locust inside.
     */
    static LocustVersion imageVersion(String image) {
        boolean official = image != null && image.matches(".*locust:v?\\d+\\.\\d+.*");
        return official
                ? LocustVersion.parse(image.substring(image.lastIndexOf(':') + 1))
                        .orElse(LocustVersion.PROCESSES_FLAG)
                : LocustVersion.PROCESSES_FLAG;
    }
}
