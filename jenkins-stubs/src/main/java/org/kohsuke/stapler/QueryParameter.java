// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (QueryParameter). Compile-only stub.
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Injects a request parameter; with an empty value the Java parameter name is used (needs javac -parameters). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
