package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A question asked at an event, e.g. "What would you like to see changed in politics and society?". */
@Entity
@Table(name = "feedback_question")
public class FeedbackQuestion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
