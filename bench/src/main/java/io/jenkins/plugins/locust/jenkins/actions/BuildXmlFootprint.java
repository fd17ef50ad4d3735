package io.jenkins.plugins.locust.jenkins.actions;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Figure 6: the bytes the real {@link LoadTestBuildAction} adds to build.xml once complete, written by XStream 1.4.21
 * (what Jenkins core bundles) exactly as LoadTestBuildActionTest writes it; the action is attached to a build of the
 * plugin tests' {@code TestJob} (a build folder on the stubbed API), in this package for that reason.
 */
public final class BuildXmlFootprint {
    private BuildXmlFootprint() {}

    /** The action's XML size in bytes after {@code complete(result, verdict)}. */
    public static int bytes(Path home, LoadTestResult result, Verdict verdict) throws IOException {
        TestJob.Build build = new TestJob(home).newBuild();
        String name = "checkout and payment";
        LoadTestBuildAction action =
                new LoadTestBuildAction(name, ReportNames.urlName(name, List.of()), "locust/shop-1-x7k2");
        build.addAction(action);
        action.complete(result, verdict, Optional.empty());
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {LoadTestBuildAction.class});
        return xstream.toXML(action).getBytes(StandardCharsets.UTF_8).length;
    }
}
