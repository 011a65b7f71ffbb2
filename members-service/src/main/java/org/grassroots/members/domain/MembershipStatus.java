package org.grassroots.members.domain;

import org.grassroots.kit.problem.ProblemException;

/** Where a person's membership stands. Stored and published in lower case. */
public enum MembershipStatus {
    pending, active, lapsed, cancelled;

    /**
     * The kind of change from this status to {@code target}, as recorded in the history.
     *
     * @throws ProblemException 422 if the lifecycle does not allow it
     */
    public StatusChangeKind changeTo(MembershipStatus target) {
        StatusChangeKind kind = switch (this) {
            case pending -> target == active ? StatusChangeKind.activated
                    : target == cancelled ? StatusChangeKind.cancelled : null;
            case active -> target == lapsed ? StatusChangeKind.lapsed
                    : target == cancelled ? StatusChangeKind.cancelled : null;
            case lapsed -> target == active ? StatusChangeKind.rejoined
                    : target == cancelled ? StatusChangeKind.cancelled : null;
            case cancelled -> target == active ? StatusChangeKind.rejoined : null;
        };
        if (kind == null) {
            throw ProblemException.unprocessable("invalid-status-change",
                    "A membership cannot go from " + this + " to " + target);
        }
        return kind;
    }
}
