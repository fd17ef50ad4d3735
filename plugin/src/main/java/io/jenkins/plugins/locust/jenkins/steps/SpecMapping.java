package io.jenkins.plugins.locust.jenkins.steps;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Maps the step's arguments onto core's spec builder: validation and defaults stay in core, in one place. */
final class SpecMapping {
    private SpecMapping() {}

    /**
     * @param workspace the folder the script path is relative to
     * @throws io.jenkins.plugins.locust.spec.InvalidSpecException naming every bad field, before anything starts
     */
    static LoadTestSpec toSpec(StepArguments arguments, Path workspace) {
        LoadTestSpecBuilder builder =
                LoadTestSpec.builder().workspace(workspace).script(arguments.script());
        if (arguments.users() != null) {
            builder.users(arguments.users());
        }
        if (arguments.slaves() != null) {
            builder.slaves(arguments.slaves());
        }
        if (arguments.runTime() != null) {
            builder.runTime(arguments.runTime());
        }
        if (arguments.host() != null) {
            builder.host(arguments.host());
        }
        return builder.thresholds(thresholds(arguments.thresholds())).build();
    }

    /** One threshold per element; an element holding several lines (the form's text area) counts line by line. */
    static List<String> thresholds(List<String> given) {
        return given.stream()
                .flatMap(text -> Arrays.stream(text.split("\\R")))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
    }
}
