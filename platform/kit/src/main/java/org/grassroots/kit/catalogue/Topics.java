package org.grassroots.kit.catalogue;

/** Kafka topics, as documented in the events catalogue ({@code asyncapi/grassroots-events.yaml}). */
public final class Topics {
    /** Member lifecycle events; key = member id. Published by members-service. */
    public static final String MEMBERS = "grassroots.members.v1";
    /** Compacted: the latest state of every member, a tombstone once erased; key = member id. */
    public static final String MEMBER_STATE = "grassroots.member-state.v1";
    /** Office-holders taking office, changing party and leaving; key = office-holder id. Published by elections-service. */
    public static final String OFFICE_HOLDERS = "grassroots.office-holders.v1";
    /** Event lifecycle, attendance and feedback; key = event id. Published by events-service. */
    public static final String EVENTS = "grassroots.events.v1";
    /** Webhook endpoints disabled by their failures; key = endpoint id. Published by webhooks-service. */
    public static final String WEBHOOKS = "grassroots.webhooks.v1";

    private Topics() {
    }
}
