package io.jenkins.plugins.locust.jenkins.steps;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.RunAction2;

/** A build of the job {@code folder/shop-checkout}, with its build folder on disk. */
final class TestRun extends Run<TestRun.TestJob, TestRun> {
    private final File rootDir;
    private final int number;

    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private volatile TestRun previous;
    private volatile Result result;

    TestRun(File rootDir, int number) {
        this.rootDir = rootDir;
        this.number = number;
    }

    /** The build before this one, and its result (a baseline is chosen among them). */
    TestRun after(TestRun previousBuild, Result previousResult) {
        this.previous = previousBuild;
        previousBuild.result = previousResult;
        return this;
    }

    @Override
    public TestRun getPreviousBuild() {
        return previous;
    }

    /** Every result set on this build, in order (a freestyle step sets it on the build itself). */
    final List<Result> resultsSet = new CopyOnWriteArrayList<>();

    @Override
    public void setResult(Result r) {
        resultsSet.add(r);
        result = r;
    }

    @Override
    public Result getResult() {
        return result;
    }

    @Override
    public String getUrl() {
        return "job/folder/job/shop-checkout/" + number + "/";
    }

    /** As Run does: the action is kept, and a RunAction2 is told its build. */
    @Override
    public void addAction(Action a) {
        actions.add(a);
        if (a instanceof RunAction2 attached) {
            attached.onAttached(this);
        }
    }

    @Override
    public <T extends Action> List<T> getActions(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public <T extends Action> T getAction(Class<T> type) {
        return getActions(type).stream().findFirst().orElse(null);
    }

    @Override
    public File getRootDir() {
        return rootDir;
    }

    @Override
    public int getNumber() {
        return number;
    }

    @Override
    public String getExternalizableId() {
        return "folder/shop-checkout#" + number;
    }

    /** The job; never asked for anything here. */
    abstract static class TestJob extends Job<TestJob, TestRun> {
        @Override
        public boolean isBuildable() {
            return true;
        }

        @Override
        protected SortedMap<Integer, ? extends TestRun> _getRuns() {
            return new TreeMap<>();
        }

        @Override
        protected void removeRun(TestRun run) {}

        @Override
        public Collection<? extends Job> getAllJobs() {
            return List.of(this);
        }
    }
}
