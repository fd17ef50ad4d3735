package io.jenkins.plugins.locust.jenkins.steps;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
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
        ifGiven(arguments.locustfile(), builder::locustfile);
        ifGiven(arguments.users(), builder::users);
        ifGiven(arguments.slaves(), builder::slaves);
        ifGiven(arguments.spawnRate(), builder::spawnRate);
        ifGiven(arguments.runTime(), builder::runTime);
        ifGiven(arguments.host(), builder::host);
        builder.thresholds(lines(arguments.thresholds()));
        lines(arguments.stages()).forEach(builder::stage);
        arguments.env().forEach(builder::env);
        lines(arguments.locustArgs()).forEach(builder::locustArg);
        lines(arguments.tags()).forEach(builder::tag);
        lines(arguments.excludeTags()).forEach(builder::excludeTag);
        ifGiven(arguments.processes(), builder::processes);
        lines(arguments.hostAliases()).forEach(builder::hostAlias);
        ifGiven(arguments.startTimeout(), builder::startTimeout);
        ifGiven(arguments.stopTimeout(), builder::stopTimeout);
        ifGiven(arguments.image(), builder::image);
        return builder.build();
    }

    /** One threshold per element; an element holding several lines (the form's text area) counts line by line. */
    static List<String> thresholds(List<String> given) {
        return lines(given);
    }

    /** One value per element; an element holding several lines (the form's text area) counts line by line. */
    static List<String> lines(List<String> given) {
        return given.stream()
                .flatMap(text -> Arrays.stream(text.split("\\R")))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
    }

    private static <T> void ifGiven(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
