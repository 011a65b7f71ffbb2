package org.grassroots.events.domain;

/** An RSVP's standing (OSDI attendance status, plus the waitlist). Stored in lower case. */
public enum RsvpStatus {
    accepted, waitlisted, cancelled
}
