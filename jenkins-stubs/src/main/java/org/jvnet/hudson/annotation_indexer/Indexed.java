// Mirrors org.jenkins-ci:annotation-indexer, in core 2.541.3 (Indexed). Compile-only stub.
package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Meta-annotation: usages of an annotation carrying it are listed in {@code META-INF/services/annotations/<FQCN>}. The
 * real element {@code validators()} is left out: nothing here sets it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {}
