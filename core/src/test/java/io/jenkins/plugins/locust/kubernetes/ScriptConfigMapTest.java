package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScriptConfigMapTest {
    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFlattenFolderPathsToValidKeysAndRestoreThemThroughItems() {
        // given
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("locustfile.py", text("print('hi')\n"));
        files.put("helpers/common.py", text("X = 1\n"));
        files.put("data/users list (v2).csv", text("id\n1\n"));

        // when
        ScriptConfigMap result = ScriptConfigMap.of(files, "cm", Map.of(), Map.of());

        // then
        assertThat(result.configMap().getData())
                .containsOnlyKeys("locustfile.py", "helpers--common.py", "data--users_list__v2_.csv");
        assertThat(result.items())
                .extracting(KeyToPath::getKey, KeyToPath::getPath)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("helpers--common.py", "helpers/common.py"),
                        org.assertj.core.groups.Tuple.tuple("data--users_list__v2_.csv", "data/users list (v2).csv"));
        result.configMap().getData().keySet().forEach(key -> assertThat(key).matches("[-._a-zA-Z0-9]+"));
    }

    @Test
    void shouldKeepKeysDistinctWhenFlatteningCollides() {
        // given
        Set<String> used = new HashSet<>();

        // when
        String first = ScriptConfigMap.uniqueKey("a/b.py", used);
        String second = ScriptConfigMap.uniqueKey("a--b.py", used);

        // then
        assertThat(first).isEqualTo("a--b.py");
        assertThat(second).isEqualTo("2-a--b.py");
    }

    @Test
    void shouldPutFilesThatAreNotUtf8IntoBinaryData() {
        // given
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff};

        // when
        ScriptConfigMap result = ScriptConfigMap.of(Map.of("logo.png", png), "cm", Map.of(), Map.of());

        // then
        assertThat(result.configMap().getData()).isNull();
        assertThat(result.configMap().getBinaryData()).containsEntry("logo.png", "iVBOR/8=");
    }

    @Test
    void shouldRefuseFilesOverOneMebibyteNamingTheSizeAndTheWayOut() {
        // given
        Map<String, byte[]> files = Map.of("locustfile.py", text("x\n"), "data/big.csv", new byte[1_100_000]);

        // then
        assertThatThrownBy(() -> ScriptConfigMap.of(files, "cm", Map.of(), Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("script")
                .hasMessageContaining("1.05 MiB")
                .hasMessageContaining("data/big.csv")
                .hasMessageContaining("1 MiB a Kubernetes ConfigMap")
                .hasMessageContaining("custom image");
    }

    @Test
    void shouldRefusePathsThatLeaveTheFolder() {
        // then
        assertThatThrownBy(() -> ScriptConfigMap.of(Map.of("../etc/passwd", text("x")), "cm", Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../etc/passwd'");
    }
}
