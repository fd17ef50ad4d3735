// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (StaplerRequest2). Compile-only stub.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/** The request of core 2.475+ (EE 9). No Stapler-specific member is used. */
public interface StaplerRequest2 extends HttpServletRequest {}
