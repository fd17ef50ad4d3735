// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (POST). Compile-only stub.
package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Restricts a web method to HTTP POST (the interceptor meta-annotation of the real one is not needed to compile). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {}
