// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (YesNoMaybe). Compile-only stub.
package jenkins;

/** Three-valued answer used by {@code @Extension(dynamicLoadable=...)}. */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException("stub");
    }

    public Boolean toBool() {
        throw new UnsupportedOperationException("stub");
    }
}
