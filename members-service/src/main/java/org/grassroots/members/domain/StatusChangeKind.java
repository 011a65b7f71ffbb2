package org.grassroots.members.domain;

/** Why a status changed: the membership history reads as a list of these. */
public enum StatusChangeKind {
    joined, activated, lapsed, cancelled, rejoined
}
