// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (DataBoundConstructor). Compile-only stub.
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the public constructor that Stapler and structs bind from form data or Pipeline arguments. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
@Documented
public @interface DataBoundConstructor {}
