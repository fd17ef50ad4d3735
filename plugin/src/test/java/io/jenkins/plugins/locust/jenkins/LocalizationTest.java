package io.jenkins.plugins.locust.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every text a user reads comes in English and Simplified Chinese: the Messages bundle has the same keys in both
 * (with valid MessageFormat patterns of the same arity), every {@code ${%key}} of a Jelly view has its Chinese text in
 * the view's {@code _zh_CN.properties}, and no view writes a literal text outside {@code ${%…}}.
 */
class LocalizationTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path MESSAGES = RESOURCES.resolve("io/jenkins/plugins/locust/jenkins/Messages.properties");
    /** {@code ${%Key}} or {@code ${%key(args)}}: the key ends at a parenthesis or the brace. */
    private static final Pattern VIEW_KEY = Pattern.compile("\\$\\{%([^}(]+)(\\()?");
    /** What a text node may hold without a translation: expressions, file names and punctuation. */
    private static final Pattern NOT_WORDS =
            Pattern.compile("\\$\\{[^}]*}|[\\w.-]+\\.(html|json|xml|csv)|[\\p{P}\\p{S}\\s]");

    @Test
    void shouldGiveEveryMessageAChineseTextWithTheSameArguments() throws IOException {
        // given
        Properties english = load(MESSAGES);
        Properties chinese = load(sibling(MESSAGES, "_zh_CN"));

        // then
        assertThat(chinese.stringPropertyNames())
                .isEqualTo(english.stringPropertyNames())
                .isNotEmpty();
        for (String key : english.stringPropertyNames()) {
            assertThat(arity(chinese.getProperty(key)))
                    .as("arguments of %s", key)
                    .isEqualTo(arity(english.getProperty(key)));
        }
    }

    @Test
    void shouldSpeakTheBrowsersLanguageThroughTheGeneratedMessages() {
        // when the generated Messages class is asked in each locale, as Jenkins asks it for a request
        String english =
                Messages._FieldChecks_PositiveWholeNumber("Users", "ten").toString(Locale.ENGLISH);
        String chinese =
                Messages._FieldChecks_PositiveWholeNumber("Users", "ten").toString(Locale.SIMPLIFIED_CHINESE);

        // then
        assertThat(english)
                .isEqualTo("Users must be a whole number of at least 1, got 'ten'. Leave it empty to use the default.");
        assertThat(chinese).isEqualTo("Users 必须是不小于 1 的整数，当前为 'ten'。留空则使用默认值。");
    }

    @Test
    void shouldTranslateEveryTextOfEveryView() throws Exception {
        List<Path> views = views();
        assertThat(views).hasSizeGreaterThan(8);
        for (Path view : views) {
            String jelly = Files.readString(view);
            Properties english = loadIfPresent(sibling(view, ""));
            Properties chinese = loadIfPresent(sibling(view, "_zh_CN"));
            Matcher key = VIEW_KEY.matcher(jelly);
            while (key.find()) {
                String name = key.group(1);
                assertThat(chinese.getProperty(name))
                        .as("%s in %s", name, sibling(view, "_zh_CN"))
                        .isNotBlank();
                assertThatCode(() -> MessageFormat.format(chinese.getProperty(name), 1, 2, 3, 4, 5))
                        .as("%s in %s is a MessageFormat pattern (Stapler formats it)", name, view)
                        .doesNotThrowAnyException();
                if (key.group(2) != null) {
                    assertThat(english.getProperty(name))
                            .as("%s (with arguments) in %s", name, sibling(view, ""))
                            .isNotBlank();
                }
            }
            assertThat(literalTexts(view))
                    .as("texts of %s outside ${%%…}", view)
                    .isEmpty();
        }
    }

    @Test
    void shouldCatchALiteralTextAndAMissingTranslation() throws Exception {
        // given a view with a literal word, and one with a key no _zh_CN has
        Path dir = Files.createTempDirectory("views");
        Path literal = Files.writeString(
                dir.resolve("a.jelly"),
                "<?jelly escape-by-default='true'?>\n<j:jelly xmlns:j=\"jelly:core\"><p>Compare</p></j:jelly>");

        // then
        assertThat(literalTexts(literal)).containsExactly("Compare");
        assertThat(loadIfPresent(sibling(literal, "_zh_CN")).getProperty("Compare"))
                .isNull();
    }

    private static List<String> literalTexts(Path view) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(view.toFile());
        List<String> texts = new ArrayList<>();
        collect(document.getDocumentElement(), texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE) {
                String text = child.getTextContent();
                if (!NOT_WORDS.matcher(text).replaceAll("").isEmpty()) {
                    texts.add(text.strip());
                }
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                collect(child, texts);
            }
        }
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(".jelly")).sorted().collect(Collectors.toList());
        }
    }

    private static int arity(String pattern) {
        return new MessageFormat(pattern).getFormatsByArgumentIndex().length;
    }

    private static Path sibling(Path file, String locale) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + locale + ".properties");
    }

    private static Properties loadIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? load(file) : new Properties();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    @SuppressWarnings("unused")
    private static final Set<String> LOCALES = Set.of("", "_zh_CN");
}
