package io.jenkins.plugins.locust.jenkins.actions;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A job and its builds on the stubbed API, as Jenkins would present them to the actions: build folders on disk,
 * actions attached through {@code addAction} (which calls {@code onAttached}), newest build last.
 */
final class TestJob extends Job<TestJob, TestJob.Build> {
    private final Path home;
    private final TreeMap<Integer, Build> builds = new TreeMap<>();

    TestJob(Path home) {
        this.home = home;
    }

    Build newBuild() throws IOException {
        int number = builds.isEmpty() ? 1 : builds.lastKey() + 1;
        Build build =
                new Build(number, Files.createDirectories(home.resolve("builds").resolve("" + number)));
        builds.put(number, build);
        return build;
    }

    @Override
    public boolean isBuildable() {
        return true;
    }

    @Override
    protected SortedMap<Integer, ? extends Build> _getRuns() {
        return builds.descendingMap();
    }

    @Override
    protected void removeRun(Build run) {
        builds.remove(run.getNumber());
    }

    @Override
    public Collection<? extends Job> getAllJobs() {
        return List.of(this);
    }

    @Override
    public Build getLastBuild() {
        return builds.isEmpty() ? null : builds.lastEntry().getValue();
    }

    @Override
    public Build getBuildByNumber(int n) {
        return builds.get(n);
    }

    /** One build: its folder, its number and its actions. */
    final class Build extends Run<TestJob, Build> {
        private final int number;
        private final Path root;
        private final List<Action> actions = new ArrayList<>();

        Build(int number, Path root) {
            this.number = number;
            this.root = root;
        }

        @Override
        public File getRootDir() {
            return root.toFile();
        }

        @Override
        public int getNumber() {
            return number;
        }

        @Override
        public TestJob getParent() {
            return TestJob.this;
        }

        @Override
        public Build getPreviousBuild() {
            var previous = builds.lowerEntry(number);
            return previous == null ? null : previous.getValue();
        }

        @Override
        public String getUrl() {
            return "job/demo/" + number + "/";
        }

        @Override
        public void addAction(Action a) {
            actions.add(a);
            if (a instanceof jenkins.model.RunAction2 action) {
                action.onAttached(this);
            }
        }

        @Override
        public <T extends Action> List<T> getActions(Class<T> type) {
            return actions.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
