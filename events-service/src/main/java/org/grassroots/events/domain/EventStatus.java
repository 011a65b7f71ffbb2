package org.grassroots.events.domain;

import org.grassroots.kit.problem.ProblemException;

/** An event's lifecycle: draft, then published, then completed or cancelled. Stored and published in lower case. */
public enum EventStatus {
    draft, published, cancelled, completed;

    /** @throws ProblemException 422 if the lifecycle does not allow going from this status to {@code target} */
    public void checkChangeTo(EventStatus target) {
        boolean allowed = switch (this) {
            case draft -> target == published || target == cancelled;
            case published -> target == cancelled || target == completed;
            case cancelled, completed -> false;
        };
        if (!allowed && target != this) {
            throw ProblemException.unprocessable("invalid-status-change",
                    "An event cannot go from " + this + " to " + target);
        }
    }
}
