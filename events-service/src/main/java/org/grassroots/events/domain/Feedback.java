package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.grassroots.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One answer given at an event (in a timeslot, at the event's location), tagged with topics. Contact details
 * only if the person agreed to be contacted; erasable on their own.
 */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "timeslot_id")
    public UUID timeslotId;

    @Column(name = "question_id", nullable = false)
    public UUID questionId;

    @Column(nullable = false)
    public String answer;

    @Column(name = "contact_consent", nullable = false)
    public boolean contactConsent;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "feedback_response_topic", joinColumns = @JoinColumn(name = "feedback_id"))
    @Column(name = "topic")
    public Set<String> topics = new TreeSet<>();

    public static Feedback require(UUID eventId, UUID id) {
        return Feedback.<Feedback>findByIdOptional(id).filter(f -> f.eventId.equals(eventId))
                .orElseThrow(() -> ProblemException.notFound("Feedback " + id));
    }
}
