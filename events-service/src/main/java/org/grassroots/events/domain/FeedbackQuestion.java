package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    public UUID eventId;

    public String text;

    public OffsetDateTime createdAt;
}
