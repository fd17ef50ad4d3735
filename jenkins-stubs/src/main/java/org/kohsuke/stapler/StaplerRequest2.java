// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (StaplerRequest2). Compile-only stub.
package org.kohsuke.stapler;

import net.sf.json.JSONObject;

/** The request of a form submission. Real supertypes: jakarta.servlet.http.HttpServletRequest (left out). */
public interface StaplerRequest2 {
    /** Calls the data-bound setters of {@code bean} for the keys {@code src} has (only those: absent keys are skipped). */
    void bindJSON(Object bean, JSONObject src);
}
