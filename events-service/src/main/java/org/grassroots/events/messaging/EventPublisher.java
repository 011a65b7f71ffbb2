package org.grassroots.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.events.domain.Event;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.outbox.Outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The events' integration events, recorded in the outbox in the caller's transaction; key = event id, so one
 * event's changes stay in order. Payloads carry ids and what a listing needs; no attendee's personal data.
 */
@ApplicationScoped
public class EventPublisher {

    /** {@code org.grassroots.event.scheduled.v1} and {@code org.grassroots.event.updated.v1}. */
    public record EventV1(UUID eventId, String type, String status, String visibility, UUID branchId,
                          UUID campaignId, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
                          String town, String postcode, OffsetDateTime updatedAt) {
        static EventV1 of(Event e) {
            return new EventV1(e.id, e.eventType.name(), e.status.name(), e.visibility.code(), e.branchId,
                    e.campaignId, e.startsAt, e.endsAt, e.timeZone, e.town, e.postcode, e.updatedAt);
        }
    }

    /** {@code org.grassroots.event.cancelled.v1} */
    public record CancelledV1(UUID eventId, OffsetDateTime cancelledAt) {
    }

    /**
     * {@code org.grassroots.event.attendance-recorded.v1}: someone attended, checked in on their RSVP or recorded as
     * a walk-in. A member by id; a member of the public anonymously (memberId null).
     */
    public record AttendanceRecordedV1(UUID eventId, UUID timeslotId, UUID rsvpId, UUID memberId, boolean attended,
                                       boolean walkIn, OffsetDateTime recordedAt) {
    }

    /** {@code org.grassroots.event.feedback-recorded.v1}: topics only; the answer and any contact stay here. */
    public record FeedbackRecordedV1(UUID eventId, UUID feedbackId, UUID timeslotId, UUID questionId,
                                     java.util.List<String> topics, OffsetDateTime recordedAt) {
    }

    @Inject
    Outbox outbox;

    /** The event was published: it is on. */
    public void scheduled(Event event) {
        outbox.record(Topics.EVENTS, event.id.toString(), EventTypes.EVENT_SCHEDULED, EventV1.of(event));
    }

    public void updated(Event event) {
        outbox.record(Topics.EVENTS, event.id.toString(), EventTypes.EVENT_UPDATED, EventV1.of(event));
    }

    public void attendanceRecorded(org.grassroots.events.domain.Rsvp rsvp) {
        outbox.record(Topics.EVENTS, rsvp.eventId.toString(), EventTypes.EVENT_ATTENDANCE_RECORDED,
                new AttendanceRecordedV1(rsvp.eventId, rsvp.timeslotId, rsvp.id, rsvp.memberId, rsvp.attended,
                        rsvp.walkIn, rsvp.checkedInAt));
    }

    public void feedbackRecorded(org.grassroots.events.domain.Feedback feedback) {
        outbox.record(Topics.EVENTS, feedback.eventId.toString(), EventTypes.EVENT_FEEDBACK_RECORDED,
                new FeedbackRecordedV1(feedback.eventId, feedback.id, feedback.timeslotId, feedback.questionId,
                        java.util.List.copyOf(feedback.topics), feedback.recordedAt));
    }

    public void cancelled(Event event) {
        outbox.record(Topics.EVENTS, event.id.toString(), EventTypes.EVENT_CANCELLED,
                new CancelledV1(event.id, event.updatedAt));
    }
}
