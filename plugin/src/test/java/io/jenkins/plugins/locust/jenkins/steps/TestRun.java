package io.jenkins.plugins.locust.jenkins.steps;

import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A build of the job {@code folder/shop-checkout}, with its build folder on disk. */
final class TestRun extends Run<TestRun.TestJob, TestRun> {
    private final File rootDir;
    private final int number;

    TestRun(File rootDir, int number) {
        this.rootDir = rootDir;
        this.number = number;
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
