package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

/** A seat-holding area of an organisation: a ward, electoral division or constituency. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    /** The division segment of ballot paper ids, e.g. {@code st-olaves}. */
    public String slug;

    public String name;

    /** ward, division, constituency, region, area */
    public String kind;

    public String gssCode;

    public int seats;
}
