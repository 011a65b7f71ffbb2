package org.grassroots.members.domain;

/** What the party may contact a person for. */
public enum ContactPurpose {
    newsletters, campaigning, events, fundraising, surveys
}
