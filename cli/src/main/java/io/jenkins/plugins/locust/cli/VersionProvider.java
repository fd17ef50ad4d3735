package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: this tool's version (from the build) and the Locust image it runs by default. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {
            "loadtest " + properties.getProperty("version", "unknown"),
            "default Locust image " + LoadTestSpec.DEFAULT_IMAGE,
            "Java " + System.getProperty("java.version")
        };
    }
}
