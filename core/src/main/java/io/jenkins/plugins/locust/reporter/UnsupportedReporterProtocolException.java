package io.jenkins.plugins.locust.reporter;

/** A reporter line of a protocol version this engine cannot read, or a line that is not valid JSON. */
public class UnsupportedReporterProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedReporterProtocolException(String message) {
        super(message);
    }

    public UnsupportedReporterProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
