package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.grassroots.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session of an event with a capacity; beyond it, RSVPs join the waitlist (if it has one). */
@Entity
@Table(name = "timeslot")
public class Timeslot extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID eventId;

    public String label;

    public OffsetDateTime startsAt;

    public OffsetDateTime endsAt;

    public int capacity;

    public boolean waitlistEnabled;

    public OffsetDateTime createdAt;

    /**
     * The event's timeslot, locked ({@code SELECT ... FOR UPDATE}) for the rest of the transaction: RSVPs and
     * cancellations of one timeslot take turns, so capacity is never exceeded and promotions are not lost.
     */
    public static Timeslot lockOf(UUID eventId, UUID id) {
        Timeslot slot = getEntityManager().find(Timeslot.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (slot == null || !slot.eventId.equals(eventId)) {
            throw ProblemException.notFound("Timeslot " + id);
        }
        return slot;
    }

    public static Timeslot require(UUID eventId, UUID id) {
        return Timeslot.<Timeslot>findByIdOptional(id).filter(t -> t.eventId.equals(eventId))
                .orElseThrow(() -> ProblemException.notFound("Timeslot " + id));
    }
}
