package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A community event: a street stall, a leafleting session, a meeting, the conference. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    public String town;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String visibility;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
