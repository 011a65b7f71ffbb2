package org.grassroots.kit.events;

/**
 * An event that can never be applied (malformed, or contradicting the consumer's rules): it goes to the
 * dead-letter topic at once instead of being retried.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
