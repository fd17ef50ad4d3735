package io.jenkins.plugins.locust.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.locust.jenkins.config.LoadTestGlobalConfigurationTest.Unsaved;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/jenkins-casc.yaml binds to the configuration as configuration-as-code binds it (each key a data-bound
 * parameter, nested describables from mappings, clusters from a list), gives every value back, and names only
 * credentials it also defines, of the kinds a cluster accepts.
 */
class CascExampleTest {
    @Test
    void shouldBindTheDocumentedExampleAndGiveEveryValueBack() throws Exception {
        // given
        Map<String, Object> example = example();
        Map<String, Object> section = section(example, "unclassified", "locustLoadTest");

        // when
        Unsaved configuration = new Unsaved(new FakeCredentials());
        DataBinding.bindSetters(configuration, section);

        // then
        assertThat(DataBinding.uninstantiate(configuration)).isEqualTo(trimmed(section));
        assertThat(configuration.cluster(null).getName())
                .as("the first is the default")
                .isEqualTo("in-cluster");
        assertThat(configuration.quotas().allowedHosts().patterns())
                .containsExactly("*.staging.example.com", "127.0.0.1:8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDefineEveryCredentialItsClustersNameAsSecretTextOrSecretFile() throws Exception {
        // given
        Map<String, Object> example = example();
        List<Map<String, Object>> domains = (List<Map<String, Object>>)
                section(example, "credentials", "system").get("domainCredentials");
        Map<String, String> kindById = new java.util.HashMap<>();
        for (Map<String, Object> credential :
                (List<Map<String, Object>>) domains.get(0).get("credentials")) {
            // one key per credential: its symbol ("string" is Secret text, "file" Secret file)
            Map.Entry<String, Object> only = credential.entrySet().iterator().next();
            kindById.put((String) ((Map<String, Object>) only.getValue()).get("id"), only.getKey());
        }

        // when
        List<Map<String, Object>> clusters = (List<Map<String, Object>>)
                section(example, "unclassified", "locustLoadTest").get("clusters");

        // then
        for (Map<String, Object> cluster : clusters) {
            Object id = cluster.get("credentialsId");
            if (id != null) {
                assertThat(kindById.get(id))
                        .as("credential %s of cluster %s", id, cluster.get("name"))
                        .isIn("string", "file");
                assertThat(kindById.get(id).equals("string"))
                        .as("a token goes with a server URL, a kubeconfig without")
                        .isEqualTo(cluster.containsKey("serverUrl"));
            }
        }
    }

    private static Map<String, Object> example() throws Exception {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path file = folder.resolve("docs/jenkins-casc.yaml");
            if (Files.exists(file)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> yaml = new YAMLMapper().readValue(file.toFile(), Map.class);
                return yaml;
            }
        }
        throw new AssertionError(
                "no docs/jenkins-casc.yaml above " + Path.of("").toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> yaml, String... path) {
        Map<String, Object> current = yaml;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
            assertThat(current).as(key).isNotNull();
        }
        return current;
    }

    /** The values as the configuration keeps them: text trimmed (a YAML block ends with a newline). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> trimmed(Map<String, Object> section) throws Exception {
        JsonMapper json = new JsonMapper();
        String text = json.writeValueAsString(section).replace("\\n\"", "\"");
        return json.readValue(text, Map.class);
    }
}
