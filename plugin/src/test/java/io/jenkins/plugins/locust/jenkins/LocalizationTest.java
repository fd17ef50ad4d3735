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

    /** Words and values a translation keeps as they are: the step, the verdicts, field values and URLs. */
    private static final Pattern TECHNICAL = Pattern.compile(
            "loadTest|FAILED|UNSTABLE|backend: ''\\w+''|https://[\\w.:/-]*\\w|withEnv|withCredentials|\\{\\d}");
    /**
     * Where a user reads a text: the build log, a failure (an IllegalStateException is a bug of the plugin, not for
     * users), a form check, a field error.
     */
    private static final Pattern USER_TEXT =
            Pattern.compile("throw (?!new IllegalStateException)|new (Abort|IllegalArgument|IO)?"
                    + "Exception\\(|\\.println\\(|FormValidation\\.\\w+\\(|new FieldError\\(");
    /** A string literal holding words: two words apart by a space (and punctuation). */
    private static final Pattern PROSE =
            Pattern.compile("\"[^\"]*[A-Za-z]{2,}[^\"\\w]*\\s[^\"\\w]*[A-Za-z]{2,}[^\"]*\"");

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
    void shouldWriteTheBuildLogAndErrorsInTheControllersLanguage() {
        // when the step's failure is rendered in each locale (the build log speaks the controller's language)
        String english = Messages._StepCompletion_FailedWithReport("p95 < 800ms (actual 950 ms)", "job/x/7/locust/")
                .toString(Locale.ENGLISH);
        String chinese = Messages._StepCompletion_FailedWithReport("p95 < 800ms (actual 950 ms)", "job/x/7/locust/")
                .toString(Locale.SIMPLIFIED_CHINESE);
        String where = Messages._LoadTestGlobalConfiguration_Where().toString(Locale.SIMPLIFIED_CHINESE);
        String noCluster =
                Messages._LoadTestGlobalConfiguration_NoCluster(where).toString(Locale.SIMPLIFIED_CHINESE);
        String noWorkspace = Messages._LoadTestExecution_NoWorkspace().toString(Locale.SIMPLIFIED_CHINESE);

        // then: loadTest, FAILED, the thresholds and the URL stay as they are
        assertThat(english).isEqualTo("loadTest FAILED: p95 < 800ms (actual 950 ms) (report: job/x/7/locust/)");
        assertThat(chinese).isEqualTo("loadTest FAILED: p95 < 800ms (actual 950 ms)（报告：job/x/7/locust/）");
        assertThat(noCluster)
                .isEqualTo("尚未为负载测试配置 Kubernetes 集群。请管理员在 系统管理 » 系统配置 » Locust 负载测试 中添加一个" + "（或使用 backend: 'local'）。");
        assertThat(noWorkspace).startsWith("loadTest: ").contains("node { … }");
    }

    @Test
    void shouldKeepTheTechnicalWordsInChinese() throws IOException {
        Properties english = load(MESSAGES);
        Properties chinese = load(sibling(MESSAGES, "_zh_CN"));
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            for (Matcher token = TECHNICAL.matcher(en); token.find(); ) {
                assertThat(zh).as("%s keeps %s", key, token.group()).contains(token.group());
            }
        }
    }

    @Test
    void shouldPassEveryUserTextOfTheJavaCodeThroughMessages() throws IOException {
        // build-log lines, failures and form checks of the plugin's own classes: no English written in the code
        List<String> literal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String statement : statements(Files.readString(file))) {
                    if (USER_TEXT.matcher(statement).find()
                            && PROSE.matcher(statement).find()) {
                        literal.add(file.getFileName() + ": " + statement.strip());
                    }
                }
            }
        }
        assertThat(literal).isEmpty();
        String handWritten = "throw new AbortException(\"loadTest: no workspace; run it inside node\")";
        assertThat(statements(handWritten + "; // a; b\n x = \"http://a;b\"; /* c; d */"))
                .extracting(String::strip)
                .containsExactly(handWritten, "x = \"http://a;b\"");
        assertThat(USER_TEXT.matcher(handWritten).find()
                        && PROSE.matcher(handWritten).find())
                .as("the check catches a hand-written message")
                .isTrue();
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

    /** The statements of Java code, without comments: split at each semicolon outside literals and comments. */
    private static List<String> statements(String code) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0 && c == '\\' && i + 1 < code.length()) {
                statement.append(c).append(code.charAt(++i));
                continue;
            }
            if (quote == 0 && code.startsWith("//", i)) {
                i = code.indexOf('\n', i) < 0 ? code.length() : code.indexOf('\n', i);
                continue;
            }
            if (quote == 0 && code.startsWith("/*", i)) {
                i = code.indexOf("*/", i + 2) < 0 ? code.length() : code.indexOf("*/", i + 2) + 1;
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (quote == 0 && c == ';') {
                statements.add(statement.toString());
                statement.setLength(0);
                continue;
            }
            statement.append(c);
        }
        if (!statement.toString().isBlank()) {
            statements.add(statement.toString());
        }
        return statements;
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

    private static String format(String pattern) {
        return MessageFormat.format(pattern, "a", "b", "c", "d", "e");
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
