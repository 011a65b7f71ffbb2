package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Caller;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A community event: a street stall, a leafleting session, a meeting, the conference. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public EventType eventType;

    public OffsetDateTime startsAt;

    public OffsetDateTime endsAt;

    /** IANA zone the event happens in (its local times are in this zone); instants are stored in UTC. */
    public String timeZone;

    public String venue;

    public String address;

    public String town;

    public String postcode;

    public Double latitude;

    public Double longitude;

    public AddressVisibility addressVisibility;

    public UUID branchId;

    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    public EventStatus status;

    public Visibility visibility;

    // Eager: views show them after the loading transaction has ended.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "event_organiser", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "member_id")
    public Set<UUID> organisers = new LinkedHashSet<>();

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The event with this id, or a 404 problem. */
    public static Event require(UUID id) {
        return Event.<Event>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Event " + id));
    }

    public boolean isPublished() {
        return status == EventStatus.published;
    }

    /** The host branch's organisers and admins manage an event. */
    public boolean isManagedBy(Caller caller) {
        return caller.managesBranch(branchId);
    }

    /** @throws ProblemException 403 unless the caller manages this event */
    public void requireManagedBy(Caller caller) {
        caller.requireManagesBranch(branchId, "Only the host branch's organisers and admins manage this event");
    }
}
