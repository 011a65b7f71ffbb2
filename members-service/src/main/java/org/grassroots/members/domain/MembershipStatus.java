package org.grassroots.members.domain;

/** Where a person's membership stands. Stored and published in lower case. */
public enum MembershipStatus {
    pending, active, lapsed, cancelled
}
