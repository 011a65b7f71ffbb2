package org.grassroots.members.domain;

/** How the party may contact a person. */
public enum ContactChannel {
    email, sms, phone, post
}
