// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (TaskListener). Compile-only stub.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.Serializable;

/** The build log of a run. An interface in core (via SerializableOnlyOverRemoting, which extends Serializable). */
public interface TaskListener extends Serializable {
    @NonNull
    PrintStream getLogger();
}
