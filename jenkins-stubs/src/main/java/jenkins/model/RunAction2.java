// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (RunAction2). Compile-only stub.
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** An action of a build that is told its build when attached and when the build is loaded from disk. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
