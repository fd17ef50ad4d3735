package io.jenkins.plugins.locust.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.jenkins.steps.LoadTestStep;
import io.jenkins.plugins.locust.page.StepResultMap;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every named argument of every {@code loadTest …} call in {@code examples/Jenkinsfile.*} is a parameter the step
 * accepts (its {@code @DataBoundConstructor} or a {@code @DataBoundSetter}), so the examples cannot drift from the step.
 */
class ExampleJenkinsfilesTest {
    private static final Pattern CALL = Pattern.compile("\\bloadTest\\b\\s*\\(?");
    private static final Pattern NAMED_ARGUMENT = Pattern.compile("(?:^|[,(])\\s*(\\w+)\\s*:");

    @Test
    void shouldUseOnlyParametersTheStepAccepts() throws IOException {
        // given the step's parameters and the examples' loadTest calls
        Set<String> accepted = DataBoundParameters.names(LoadTestStep.class);
        List<Path> jenkinsfiles = exampleJenkinsfiles();

        for (Path jenkinsfile : jenkinsfiles) {
            // when
            List<Set<String>> calls = namedArguments(Files.readString(jenkinsfile));

            // then
            assertThat(calls).as("loadTest calls in %s", jenkinsfile).isNotEmpty();
            for (Set<String> arguments : calls) {
                assertThat(arguments).as("a loadTest call in %s", jenkinsfile).contains("script");
                assertThat(accepted)
                        .as("parameters of the loadTest step used in %s", jenkinsfile)
                        .containsAll(arguments);
            }
        }
    }

    @Test
    void shouldReadOnlyKeysOfTheMapTheStepReturnsInTheCanaryExample() throws IOException {
        // given the keys of a returned map and of its threshold rows
        Verdict verdict = new Verdict(
                VerdictStatus.PASSED,
                List.of(new ThresholdOutcome(
                        "p95 < 1s", "1 ms", "< 1 s", OutcomeStatus.PASSED, Severity.FAILURE, "ok")));
        RunSummary summary = new RunSummary(1, "PASSED", 10, 0, 0, 5, 1, 2, 3, 2, 1, 1, 1, 0, 0, 0);
        Map<String, Object> map = StepResultMap.of(summary, verdict, "job/x/1/locust/");
        Set<String> rowKeys = ((Map<?, ?>) ((List<?>) map.get("thresholds")).get(0))
                .keySet().stream().map(String::valueOf).collect(Collectors.toSet());

        // when
        String canary = Files.readString(examplesFolder().resolve("Jenkinsfile.canary"));

        // then every r.key and it.key it reads is there
        assertThat(keysRead(canary, "r")).isNotEmpty().isSubsetOf(map.keySet());
        assertThat(keysRead(canary, "it")).isNotEmpty().isSubsetOf(rowKeys);
    }

    private static Set<String> keysRead(String script, String variable) {
        return Pattern.compile("\\b" + variable + "\\.(\\w+)")
                .matcher(script)
                .results()
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
    }

    @Test
    void shouldFindTheNamedArgumentsOfACallButNotThoseInsideItsValues() {
        // given
        String jenkinsfile = "steps {\n"
                + "    loadTest script: 'perf', // a folder: see https://example.com/a:b, it's fine\n"
                + "             env: [TENANT: 'nightly'],\n"
                + "             stages: ['2m:50:10', '2m:0'],\n"
                + "             thresholds: ['GET /api/search: p99 < 1s']\n"
                + "    sh 'echo done: ok'\n"
                + "    loadTest(script: \"perf/locustfile.py\", users: 5)\n"
                + "}\n";

        // when
        List<Set<String>> calls = namedArguments(jenkinsfile);

        // then
        assertThat(calls).containsExactly(Set.of("script", "env", "stages", "thresholds"), Set.of("script", "users"));
    }

    /** The named arguments of each {@code loadTest} call, at the call's own bracket level only. */
    static List<Set<String>> namedArguments(String groovy) {
        String code = withoutStringsAndComments(groovy);
        List<Set<String>> calls = new ArrayList<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            boolean parenthesised = call.group().endsWith("(");
            String topLevel = topLevelText(code, call.end(), parenthesised);
            Set<String> names = new TreeSet<>();
            Matcher argument = NAMED_ARGUMENT.matcher("," + topLevel);
            while (argument.find()) {
                names.add(argument.group(1));
            }
            calls.add(names);
        }
        return calls;
    }

    /**
     * Drops comments and replaces every string literal by {@code ''}, so that colons, brackets, slashes and quotes
     * inside them don't count (one pass: a quote in a comment or {@code //} in a string is no problem).
     */
    static String withoutStringsAndComments(String groovy) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < groovy.length()) {
            if (groovy.startsWith("//", i)) {
                i = indexOrEnd(groovy, "\n", i);
            } else if (groovy.startsWith("/*", i)) {
                i = indexOrEnd(groovy, "*/", i + 2) + 2;
            } else if (groovy.startsWith("\"\"\"", i) || groovy.startsWith("'''", i)) {
                i = indexOrEnd(groovy, groovy.substring(i, i + 3), i + 3) + 3;
                code.append("''");
            } else if (groovy.charAt(i) == '\'' || groovy.charAt(i) == '"') {
                char quote = groovy.charAt(i);
                i++;
                while (i < groovy.length() && groovy.charAt(i) != quote && groovy.charAt(i) != '\n') {
                    i += groovy.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append("''");
            } else {
                code.append(groovy.charAt(i));
                i++;
            }
        }
        return code.toString();
    }

    private static int indexOrEnd(String text, String end, int from) {
        int index = text.indexOf(end, from);
        return index < 0 ? text.length() : index;
    }

    /**
     * The call's argument text outside any brackets: up to its closing parenthesis, or (without parentheses) up to the
     * first line end at bracket level 0 that does not follow a comma.
     */
    private static String topLevelText(String code, int start, boolean parenthesised) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0) {
                if (c == '\n' && !parenthesised && !text.toString().strip().endsWith(",")) {
                    break;
                }
                text.append(c);
            }
        }
        return text.toString();
    }

    private static List<Path> exampleJenkinsfiles() throws IOException {
        Path examples = examplesFolder();
        try (Stream<Path> files = Files.list(examples)) {
            List<Path> jenkinsfiles = files.filter(
                            file -> file.getFileName().toString().startsWith("Jenkinsfile."))
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(jenkinsfiles).as("Jenkinsfile.* in %s", examples).isNotEmpty();
            return jenkinsfiles;
        }
    }

    /** {@code examples/} of the repository, found from the module folder the tests run in. */
    private static Path examplesFolder() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("examples")) && Files.exists(folder.resolve("plugin/pom.xml"))) {
                return folder.resolve("examples");
            }
        }
        throw new AssertionError("no examples/ folder above " + Path.of("").toAbsolutePath());
    }
}
