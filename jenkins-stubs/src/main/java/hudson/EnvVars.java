// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (EnvVars). Compile-only stub.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.TreeMap;

/** The environment of a build step ({@code withEnv}, {@code environment {}}, node properties): a sorted map. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {}

    public EnvVars(@NonNull Map<String, String> m) {
        super(m);
    }
}
