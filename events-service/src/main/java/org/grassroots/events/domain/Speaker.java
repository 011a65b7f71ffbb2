package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    public UUID eventId;

    public UUID timeslotId;

    public String name;

    public String organisation;

    public String role;

    public String session;

    public OffsetDateTime createdAt;
}
