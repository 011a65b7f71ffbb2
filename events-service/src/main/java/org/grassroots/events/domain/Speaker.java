package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone speaking at an event, e.g. a union's national president at the conference. Public, as programmes are. */
@Entity
@Table(name = "speaker")
public class Speaker extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "timeslot_id")
    public UUID timeslotId;

    @Column(nullable = false)
    public String name;

    public String organisation;

    public String role;

    public String session;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
