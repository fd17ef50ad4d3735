// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (StaplerResponse2). Compile-only stub.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/** The response of core 2.475+ (EE 9). Only the servlet members are used. */
public interface StaplerResponse2 extends HttpServletResponse {}
