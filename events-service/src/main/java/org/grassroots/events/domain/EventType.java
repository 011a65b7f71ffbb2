package org.grassroots.events.domain;

/** What kind of event it is. Stored and published in lower case. */
public enum EventType {
    street_stall, leafleting, canvass, meeting, conference, social, other
}
