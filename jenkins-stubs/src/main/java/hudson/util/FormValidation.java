// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (FormValidation). Compile-only stub.
package hudson.util;

import java.io.IOException;

/** The answer of a {@code doCheckXxx} form check. Real supertypes also include Stapler's HttpResponse (left out). */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    /** The three outcomes. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract String renderHtml();
}
