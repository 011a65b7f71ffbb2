package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.Feedback;
import org.grassroots.events.domain.FeedbackQuestion;
import org.grassroots.events.domain.FeedbackTopic;
import org.grassroots.events.domain.Timeslot;
import org.grassroots.events.messaging.EventPublisher;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/** The managed topic list, questions asked at events, and the responses collected. */
@ApplicationScoped
public class FeedbackService {

    @Inject
    org.grassroots.kit.idempotency.IdempotencyRecords idempotency;

    @Inject
    Clock clock;

    @Inject
    EventPublisher publisher;

    @Transactional
    public FeedbackTopic addTopic(String slug, String label) {
        FeedbackTopic existing = FeedbackTopic.findById(slug);
        if (existing != null && existing.active) {
            throw ProblemException.conflict("duplicate-topic", "Topic " + slug + " exists");
        }
        FeedbackTopic topic = existing == null ? new FeedbackTopic() : existing;
        topic.slug = slug;
        topic.label = label.trim();
        topic.active = true;
        if (topic.createdAt == null) {
            topic.createdAt = SuiteClock.timestamp(clock);
        }
        topic.persist();
        return topic;
    }

    /** Retires a topic: new responses cannot use it, old ones keep it. */
    @Transactional
    public void retireTopic(String slug) {
        FeedbackTopic topic = FeedbackTopic.<FeedbackTopic>findByIdOptional(slug)
                .orElseThrow(() -> ProblemException.notFound("Topic " + slug));
        topic.active = false;
    }

    public List<FeedbackTopic> topics() {
        return FeedbackTopic.list("active = true order by slug");
    }

    @Transactional
    public FeedbackQuestion ask(UUID eventId, String text, Caller caller) {
        Event.require(eventId).requireManagedBy(caller);
        FeedbackQuestion question = new FeedbackQuestion();
        question.id = TimeOrderedIds.next();
        question.eventId = eventId;
        question.text = text.trim();
        question.createdAt = SuiteClock.timestamp(clock);
        question.persist();
        return question;
    }

    public List<FeedbackQuestion> questions(UUID eventId) {
        return FeedbackQuestion.list("eventId = ?1 order by createdAt, id", eventId);
    }

    @Transactional
    public Feedback record(UUID eventId, FeedbackDetails details, Caller caller) {
        Event event = Event.require(eventId);
        event.requireManagedBy(caller);
        if (event.status != EventStatus.published && event.status != EventStatus.completed) {
            throw ProblemException.unprocessable("event-not-open", "Feedback is collected at published events; "
                    + "this one is " + event.status);
        }
        FeedbackQuestion question = FeedbackQuestion.<FeedbackQuestion>findByIdOptional(details.questionId())
                .filter(q -> q.eventId.equals(eventId))
                .orElseThrow(() -> ProblemException.unprocessable("unknown-question",
                        "Question " + details.questionId() + " was not asked at this event"));
        if (details.timeslotId() != null) {
            Timeslot.<Timeslot>findByIdOptional(details.timeslotId()).filter(t -> t.eventId.equals(eventId))
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-timeslot",
                            "Timeslot " + details.timeslotId() + " is not one of this event's"));
        }
        Set<String> topics = new TreeSet<>(details.topics());
        Set<String> known = new TreeSet<>(FeedbackTopic.<FeedbackTopic>list("slug in ?1 and active = true", topics)
                .stream().map(t -> t.slug).toList());
        topics.removeAll(known);
        if (!topics.isEmpty()) {
            throw ProblemException.unprocessable("unknown-topic", "Not on the topic list: " + String.join(", ", topics));
        }
        boolean contact = details.contactName() != null || details.contactEmail() != null
                || details.contactPhone() != null;
        if (contact && !details.contactConsent()) {
            throw ProblemException.badRequest("contact.consent", "contact details are kept only with consent");
        }
        if (details.contactConsent() && details.contactEmail() == null && details.contactPhone() == null) {
            throw ProblemException.badRequest("contact.email", "an email or a phone number is needed to contact them");
        }
        Feedback feedback = new Feedback();
        feedback.id = TimeOrderedIds.next();
        feedback.eventId = eventId;
        feedback.timeslotId = details.timeslotId();
        feedback.questionId = question.id;
        feedback.answer = details.answer().trim();
        feedback.topics = new TreeSet<>(known);
        feedback.contactConsent = details.contactConsent();
        feedback.contactName = details.contactName();
        feedback.contactEmail = details.contactEmail();
        feedback.contactPhone = details.contactPhone();
        feedback.recordedAt = SuiteClock.timestamp(clock);
        feedback.persist();
        publisher.feedbackRecorded(feedback);
        return feedback;
    }

    /** Erases a respondent's contact details (and their consent); what they said stays. */
    @Transactional
    public Feedback eraseContact(UUID eventId, UUID feedbackId, Caller caller) {
        Event.require(eventId).requireManagedBy(caller);
        Feedback feedback = Feedback.require(eventId, feedbackId);
        feedback.contactConsent = false;
        feedback.contactName = null;
        feedback.contactEmail = null;
        feedback.contactPhone = null;
        idempotency.forget(List.of(feedbackId)); // the remembered answer to recordFeedback holds the contact
        return feedback;
    }

    @Transactional
    public Page<Feedback> list(UUID eventId, PageRequest page, Caller caller) {
        Event.require(eventId).requireManagedBy(caller);
        List<Feedback> rows = page.after() == null
                ? Feedback.find("eventId = ?1 order by seq", eventId).page(0, page.fetchSize()).list()
                : Feedback.find("eventId = ?1 and seq > ?2 order by seq", eventId, seq(page.after()))
                .page(0, page.fetchSize()).list();
        return page.page(rows, f -> Cursor.of(f.seq));
    }

    static long seq(Cursor cursor) {
        try {
            return Long.parseLong(cursor.value(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API issued");
        }
    }
}
