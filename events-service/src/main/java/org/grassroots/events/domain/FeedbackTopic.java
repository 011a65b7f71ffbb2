package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A topic feedback is tagged with ("housing", "nhs"); admins manage the list. A retired topic stays on old responses. */
@Entity
@Table(name = "feedback_topic")
public class FeedbackTopic extends PanacheEntityBase {

    @Id
    public String slug;

    public String label;

    public boolean active;

    public OffsetDateTime createdAt;
}
