package org.grassroots.members.domain;

/** What kind of membership a person holds. Stored and published in lower case. */
public enum MembershipType {
    member, supporter, concessionary
}
