package org.grassroots.kit.catalogue;

/** CloudEvents {@code ce_type} values, as documented in the events catalogue. */
public final class EventTypes {
    public static final String MEMBER_JOINED = "org.grassroots.member.joined.v1";

    private EventTypes() {
    }
}
