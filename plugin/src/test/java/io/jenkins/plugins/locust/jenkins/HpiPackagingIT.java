package io.jenkins.plugins.locust.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Opens the built {@code target/locust-load-test.hpi} (failsafe runs this after {@code package}) and checks what
 * Jenkins will see: the manifest, the extension and symbol indexes, the bundled jars, and the views.
 */
class HpiPackagingIT {
    private static final String DESCRIPTOR = "io.jenkins.plugins.locust.jenkins.steps.LoadTestStep$DescriptorImpl";
    /** The freestyle build step's descriptor: "Add build step" lists it. */
    private static final String BUILDER_DESCRIPTOR =
            "io.jenkins.plugins.locust.jenkins.steps.LoadTestBuilder$DescriptorImpl";

    private static final String GLOBAL_CONFIGURATION =
            "io.jenkins.plugins.locust.jenkins.config.LoadTestGlobalConfiguration";
    /** The descriptors of the global configuration's nested describables (clusters, defaults, limits). */
    private static final List<String> CONFIGURATION_DESCRIPTORS = List.of(
            "io.jenkins.plugins.locust.jenkins.config.ClusterConfig$DescriptorImpl",
            "io.jenkins.plugins.locust.jenkins.config.LoadTestDefaults$DescriptorImpl",
            "io.jenkins.plugins.locust.jenkins.config.LoadTestLimits$DescriptorImpl");

    private static final String INNER_JAR = "WEB-INF/lib/locust-load-test.jar";

    /** Packages whose classes Jenkins or its plugins provide: finding one in WEB-INF/lib means a stub leaked. */
    private static final List<String> PROVIDED_PACKAGES = List.of(
            "hudson/",
            "jenkins/",
            "org/kohsuke/",
            "org/jenkinsci/",
            "org/jvnet/",
            "com/cloudbees/",
            "net/java/sezpoz/",
            "com/google/common/",
            "edu/umd/cs/findbugs/",
            "jakarta/servlet/",
            "org/springframework/",
            "io/jenkins/plugins/locust/stubs/");

    /** Libraries that come from kubernetes-client-api, jackson2-api, snakeyaml-api, okhttp-api or core. */
    private static final List<String> PLUGIN_PROVIDED_PACKAGES = List.of(
            "io/fabric8/",
            "com/fasterxml/",
            "org/yaml/",
            "org/snakeyaml/",
            "okhttp3/",
            "okio/",
            "org/slf4j/",
            "kotlin/");

    private static final List<String> PLUGIN_PROVIDED_JAR_NAMES =
            List.of("kubernetes", "fabric8", "jackson", "snakeyaml", "okhttp", "okio", "slf4j", "kotlin", "zjsonpatch");

    @TempDir
    static Path unpacked;

    private static Path hpi;

    @BeforeAll
    static void unpack() throws IOException {
        hpi = Paths.get(System.getProperty("hpi.file", "target/locust-load-test.hpi"));
        assertThat(hpi).as("run `mvn package` first").isRegularFile();
        try (JarFile archive = new JarFile(hpi.toFile())) {
            for (JarEntry entry : Collections.list(archive.entries())) {
                Path target = unpacked.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(unpacked))
                        .as("entry %s stays inside the archive", entry)
                        .isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    @Test
    void shouldDescribeThePluginInTheManifest() throws IOException {
        Attributes main = manifestOf(hpi);

        assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
        assertThat(main.getValue("Short-Name")).isEqualTo("locust-load-test");
        assertThat(main.getValue("Long-Name")).isEqualTo("Locust Load Test");
        assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(main.getValue("Artifact-Id")).isEqualTo("locust-load-test");
        String version = System.getProperty("project.version");
        assertThat(version).as("project.version is passed by failsafe").isNotBlank();
        assertThat(main.getValue("Plugin-Version")).isEqualTo(version);
        assertThat(main.getValue("Implementation-Version")).isEqualTo(version);
        assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.541.3");
        assertThat(main.getValue("Hudson-Version")).isEqualTo("2.541.3");
        assertThat(main.getValue("Url")).isEqualTo("https://github.com/jenkinsci/locust-load-test-plugin");
        assertThat(main.getValue("Plugin-License-Name")).isEqualTo("MIT License");
        assertThat(main.getValue("Plugin-License-Url")).isEqualTo("https://opensource.org/licenses/MIT");
        assertThat(main.getValue("Plugin-Developers")).matches("[^:,]+:[^:,]+:[^:,]*(,[^:,]+:[^:,]+:[^:,]*)*");
        assertThat(main.getValue("Support-Dynamic-Loading"))
                .as("omitted: the extension is MAYBE")
                .isNull();
        assertThat(main.getValue("Plugin-Class"))
                .as("no hudson.Plugin subclass")
                .isNull();
    }

    @Test
    void shouldDeclareThePluginsItNeedsWithReleasedVersions() throws IOException {
        String dependencies = manifestOf(hpi).getValue("Plugin-Dependencies");

        assertThat(dependencies).isNotNull().doesNotContain(" ").doesNotContain("SNAPSHOT");
        Map<String, String> byName = new java.util.TreeMap<>();
        for (String dependency : dependencies.split(",")) {
            String[] nameAndVersion = dependency.split(":", 2);
            assertThat(nameAndVersion).as(dependency).hasSize(2);
            assertThat(nameAndVersion[1]).as(dependency).matches("[0-9][\\w.-]*(;resolution:=optional)?");
            byName.put(nameAndVersion[0], nameAndVersion[1]);
        }
        assertThat(byName)
                .containsKeys("workflow-step-api", "structs", "jackson2-api", "snakeyaml-api")
                .containsEntry("kubernetes-client-api", "7.3.1-256.v788a_0b_787114")
                // the versions the credentials stubs mirror (jenkins-stubs/, first line of each file)
                .containsEntry("credentials", "1502.v5c95e620ddfe")
                .containsEntry("plain-credentials", "199.v9f8e1f741799")
                // the report pages load ECharts 6 from echarts-api (its Java 17 line)
                .containsEntry("echarts-api", "6.0.0-1247.vf3e35a_c1813f")
                // the step marks an unstable stage with workflow-api's WarningAction
                .containsEntry("workflow-api", "1413.v2ff1a_5e720fa_");
    }

    @Test
    void shouldCarryTheSameManifestInTheInnerJar() throws IOException {
        Attributes outer = manifestOf(hpi);
        Attributes inner = manifestOf(unpacked.resolve(INNER_JAR));

        for (String name : List.of(
                "Short-Name", "Long-Name", "Plugin-Version", "Jenkins-Version", "Plugin-Dependencies", "Group-Id")) {
            assertThat(inner.getValue(name)).as(name).isEqualTo(outer.getValue(name));
        }
    }

    @Test
    void shouldHoldThePluginJarWithItsDescriptionAndCoreButNoClassesFolder() {
        assertThat(unpacked.resolve(INNER_JAR)).isRegularFile();
        assertThat(unpacked.resolve("WEB-INF/classes")).doesNotExist();
        assertThat(libraries())
                .anySatisfy(jar -> assertThat(jar.getFileName().toString()).startsWith("locust-load-test-core"));
        assertThat(entriesOf(unpacked.resolve(INNER_JAR))).contains("index.jelly");
    }

    @Test
    void shouldListTheStepDescriptorInTheExtensionIndex() throws IOException {
        // Only the inner jar: the index must come from the archive, not from target/classes.
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {unpacked.resolve(INNER_JAR).toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<String> extensions = new ArrayList<>();
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                extensions.add(item.className() + " " + item.kind());
            }

            List<String> expected = new ArrayList<>();
            expected.add(DESCRIPTOR + " TYPE");
            expected.add(GLOBAL_CONFIGURATION + " TYPE");
            expected.add(BUILDER_DESCRIPTOR + " TYPE");
            CONFIGURATION_DESCRIPTORS.forEach(descriptor -> expected.add(descriptor + " TYPE"));
            assertThat(extensions).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void shouldListTheStepDescriptorInTheSymbolIndex() throws IOException {
        Path index = unpacked.resolve("symbol-index");
        try (JarFile jar = new JarFile(unpacked.resolve(INNER_JAR).toFile())) {
            JarEntry entry = jar.getJarEntry("META-INF/services/annotations/org.jenkinsci.Symbol");
            assertThat(entry).as("the @Symbol index").isNotNull();
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, index);
            }
        }

        assertThat(Files.readAllLines(index, StandardCharsets.UTF_8)).contains(DESCRIPTOR, GLOBAL_CONFIGURATION);
    }

    @Test
    void shouldBundleNoClassThatJenkinsProvides() {
        for (Path jar : libraries()) {
            assertThat(entriesOf(jar))
                    .as("classes in %s", jar.getFileName())
                    .noneMatch(entry -> PROVIDED_PACKAGES.stream().anyMatch(entry::startsWith))
                    .noneMatch(entry -> PLUGIN_PROVIDED_PACKAGES.stream().anyMatch(entry::startsWith));
        }
    }

    @Test
    void shouldBundleNoLibraryThatAnotherPluginProvides() {
        assertThat(libraries())
                .extracting(jar -> jar.getFileName().toString())
                .noneMatch(name -> PLUGIN_PROVIDED_JAR_NAMES.stream().anyMatch(name::contains));
    }

    @Test
    void shouldShipSafeViews() throws Exception {
        List<String> views = new ArrayList<>();
        try (JarFile jar = new JarFile(unpacked.resolve(INNER_JAR).toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".jelly") || name.endsWith(".html")) {
                    String text;
                    try (InputStream in = jar.getInputStream(entry)) {
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    if (name.endsWith(".jelly")) {
                        assertThat(text).as(name).startsWith("<?jelly escape-by-default='true'?>");
                    }
                    assertSafe(name, parse(name, text).getDocumentElement());
                    views.add(name);
                }
            }
        }
        assertThat(views)
                .contains(
                        "index.jelly",
                        "io/jenkins/plugins/locust/jenkins/steps/LoadTestStep/config.jelly",
                        "io/jenkins/plugins/locust/jenkins/steps/LoadTestStep/help.html",
                        "io/jenkins/plugins/locust/jenkins/config/LoadTestGlobalConfiguration/config.jelly",
                        "io/jenkins/plugins/locust/jenkins/config/ClusterConfig/config.jelly",
                        "io/jenkins/plugins/locust/jenkins/config/ClusterConfig/help-credentialsId_zh_CN.html",
                        "io/jenkins/plugins/locust/jenkins/config/LoadTestDefaults/config.jelly",
                        "io/jenkins/plugins/locust/jenkins/config/LoadTestLimits/config.jelly");
    }

    /** No inline script (Jenkins' content security policy): no script body, no on* event handler attribute. */
    private static void assertSafe(String file, Element element) {
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        if ("script".equalsIgnoreCase(name)) {
            assertThat(element.getTextContent().trim())
                    .as("inline <script> body in %s", file)
                    .isEmpty();
        }
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            String attributeName =
                    attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            assertThat(attributeName.toLowerCase(java.util.Locale.ROOT))
                    .as("event handler attribute on <%s> in %s", name, file)
                    .doesNotStartWith("on");
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                assertSafe(file, (Element) children.item(i));
            }
        }
    }

    private static Document parse(String name, String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(name + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Path> libraries() {
        try (var files = Files.list(unpacked.resolve("WEB-INF/lib"))) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("Cannot list WEB-INF/lib", e);
        }
    }

    private static List<String> entriesOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream()
                    .map(JarEntry::getName)
                    .toList();
        } catch (IOException e) {
            throw new AssertionError("Cannot open " + jar, e);
        }
    }

    private static Attributes manifestOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertThat(manifest).as("manifest of %s", jar).isNotNull();
            return manifest.getMainAttributes();
        }
    }
}
