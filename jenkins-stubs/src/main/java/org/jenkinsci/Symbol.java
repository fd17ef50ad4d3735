// Mirrors org.jenkins-ci:symbol-annotation:1.25, in core 2.541.3 (Symbol). Compile-only stub.
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/** The DSL name of a describable; indexed into {@code META-INF/services/annotations/org.jenkinsci.Symbol}. */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Documented
public @interface Symbol {
    String[] value();
}
