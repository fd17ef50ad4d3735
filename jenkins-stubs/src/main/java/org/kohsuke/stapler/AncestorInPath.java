// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (AncestorInPath). Compile-only stub.
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Injects the nearest ancestor object of the parameter type from the URL (for example the Item). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {}
