package io.jenkins.plugins.locust.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials store of the tests: the credentials plugin's static lookups and {@link Secret} cannot run without
 * Jenkins, so this stands in for {@link JenkinsCredentials} and records who asked with which build.
 */
final class FakeCredentials implements CredentialsSource {
    private static final long serialVersionUID = 1L;

    final Map<String, StandardCredentials> byId = new HashMap<>();
    final transient List<String> lookups = new ArrayList<>();

    FakeCredentials with(StandardCredentials credential) {
        byId.put(credential.getId(), credential);
        return this;
    }

    @Override
    public StandardCredentials forRun(String id, Run<?, ?> run) {
        lookups.add(id + " for " + run);
        return byId.get(id);
    }

    @Override
    public StandardCredentials forAdministrator(String id) {
        lookups.add(id + " for an administrator");
        return byId.get(id);
    }

    @Override
    public String secretText(StringCredentials credential) {
        return ((Token) credential).token;
    }

    /** A build, as the credentials lookup receives it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class TestRun extends Run {
        private final String name;

        TestRun(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A Secret text credential. */
    record Token(String id, String token) implements StringCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public Secret getSecret() {
            throw new UnsupportedOperationException("Secret needs Jenkins; FakeCredentials.secretText reads the token");
        }

        @Override
        public String getDescription() {
            return "service account token";
        }
    }

    /** A Secret file credential. */
    record Kubeconfig(String id, String content) implements FileCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getFileName() {
            return "kubeconfig";
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String getDescription() {
            return "kubeconfig";
        }
    }

    /** A credential of a type that cannot reach a cluster (like a username and password). */
    record UsernamePassword(String id) implements StandardCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "user";
        }
    }
}
