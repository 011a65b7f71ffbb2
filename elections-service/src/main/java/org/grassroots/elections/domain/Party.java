package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A political party, by its Electoral Commission register id where it has one. */
@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    /** e.g. {@code PP53}; null for a party not on the register. */
    public String ecId;

    public OffsetDateTime createdAt;
}
