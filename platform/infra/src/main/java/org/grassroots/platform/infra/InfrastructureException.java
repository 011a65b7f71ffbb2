package org.grassroots.platform.infra;

/** Infrastructure could not be started; the message says what is missing and how to fix it. */
public class InfrastructureException extends RuntimeException {
    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

    public InfrastructureException(String message) {
        super(message);
    }
}
