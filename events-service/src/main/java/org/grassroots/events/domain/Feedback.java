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

    public UUID eventId;

    public UUID timeslotId;

    public UUID questionId;

    public String answer;

    public boolean contactConsent;

    public String contactName;

    public String contactEmail;

    public String contactPhone;

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
