// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (StaplerRequest2). Compile-only stub.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

/** The request of core 2.475+ (EE 9): the servlet request, and the form binding the configuration uses. */
public interface StaplerRequest2 extends HttpServletRequest {
    /** Calls the data-bound setters of {@code bean} for the keys {@code src} has (only those: absent keys are skipped). */
    void bindJSON(Object bean, JSONObject src);
}
