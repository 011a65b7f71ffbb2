package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.grassroots.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Many events under one banner, e.g. the weekend of action. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String description;

    public LocalDate startsOn;

    public LocalDate endsOn;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public static Campaign require(UUID id) {
        return Campaign.<Campaign>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
    }
}
