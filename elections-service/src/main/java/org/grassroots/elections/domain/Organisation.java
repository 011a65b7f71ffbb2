package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A body that holds elections: a council or a parliament. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The organisation segment of Democracy Club election ids, e.g. {@code suffolk}. */
    public String slug;

    public String name;

    /** e.g. county-council, town-council, parliament */
    public String organisationType;

    public String gssCode;

    public OffsetDateTime createdAt;
}
