// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (BuildStepMonitor). Compile-only stub.
package hudson.tasks;

/** How build steps synchronize with earlier builds (the real constants have bodies; a plain enum links the same). */
public enum BuildStepMonitor {
    NONE,
    STEP,
    BUILD
}
