package org.grassroots.devstack;

/** A start that cannot go ahead, for a reason the user can act on, said in one line. */
final class StartRefused extends RuntimeException {

    StartRefused(String message) {
        super(message);
    }
}
