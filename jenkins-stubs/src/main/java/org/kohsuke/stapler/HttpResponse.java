// Mirrors org.kohsuke.stapler:stapler:2050.v425108fd5089, in core 2.541.3 (HttpResponse). Compile-only stub.
package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * What an action method may return to write the response itself. Both real methods are {@code default}; an
 * implementation must override one (the EE 9 one here, as a new plugin should). The deprecated EE 8 overload is left
 * out.
 */
public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException("stub");
    }
}
