package io.jenkins.plugins.locust.result;

import java.io.IOException;

/** A result file this version cannot read: not a result at all, or written with a newer schema. */
public class ResultSchemaException extends IOException {
    private static final long serialVersionUID = 1L;

    public ResultSchemaException(String message) {
        super(message);
    }
}
