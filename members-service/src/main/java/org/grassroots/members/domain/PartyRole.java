package org.grassroots.members.domain;

/** A role a person holds in the party. {@code councillor} follows elections-service's office-holder events. */
public enum PartyRole {
    organiser, councillor, candidate, branch_secretary, treasurer, spokesperson, volunteer
}
