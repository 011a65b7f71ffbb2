package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    /** e.g. county-council, town-council, parliament */
    @Column(name = "organisation_type", nullable = false)
    public String organisationType;

    @Column(name = "gss_code")
    public String gssCode;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
