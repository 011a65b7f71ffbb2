package org.grassroots.kit.catalogue;

/** CloudEvents {@code ce_type} values, as documented in the events catalogue. */
public final class EventTypes {
    public static final String MEMBER_JOINED = "org.grassroots.member.joined.v1";
    public static final String MEMBER_UPDATED = "org.grassroots.member.updated.v1";
    public static final String MEMBER_STATUS_CHANGED = "org.grassroots.member.status-changed.v1";
    public static final String MEMBER_ERASED = "org.grassroots.member.erased.v1";
    /** An erasure by email address of a person who is not a member: copies held without a member id go. */
    public static final String PERSON_ERASED = "org.grassroots.person.erased.v1";
    public static final String MEMBER_CONSENT_CHANGED = "org.grassroots.member.consent-changed.v1";
    public static final String MEMBER_STATE = "org.grassroots.member.state.v1";
    public static final String MEMBER_MERGED = "org.grassroots.member.merged.v1";
    public static final String OFFICE_HOLDER_JOINED = "org.grassroots.office-holder.joined.v1";
    public static final String OFFICE_HOLDER_CHANGED_PARTY = "org.grassroots.office-holder.changed-party.v1";
    public static final String OFFICE_HOLDER_LEFT = "org.grassroots.office-holder.left.v1";
    public static final String EVENT_SCHEDULED = "org.grassroots.event.scheduled.v1";
    public static final String EVENT_UPDATED = "org.grassroots.event.updated.v1";
    public static final String EVENT_CANCELLED = "org.grassroots.event.cancelled.v1";
    public static final String EVENT_ATTENDANCE_RECORDED = "org.grassroots.event.attendance-recorded.v1";
    public static final String EVENT_FEEDBACK_RECORDED = "org.grassroots.event.feedback-recorded.v1";
    public static final String OFFICE_HOLDER_MEMBER_LINKED = "org.grassroots.office-holder.member-linked.v1";
    public static final String WEBHOOK_ENDPOINT_DISABLED = "org.grassroots.webhook-endpoint.disabled.v1";

    private EventTypes() {
    }
}
