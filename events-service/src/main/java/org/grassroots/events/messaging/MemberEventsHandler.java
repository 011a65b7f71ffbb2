package org.grassroots.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.events.domain.MemberProjection;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.events.service.RsvpService;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.events.PoisonEventException;
import org.grassroots.kit.inbox.EventHandler;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link MemberProjection} from the member lifecycle topic. An erasure also strips the member from their
 * RSVPs (the counts stay, the link to the person goes); a merge moves the duplicate's RSVPs to the survivor.
 */
@ApplicationScoped
public class MemberEventsHandler implements EventHandler {

    @Inject
    RsvpService rsvps;

    @Override
    public String name() {
        return "member-projection";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MEMBERS);
    }

    @Override
    public void handle(IncomingEvent event) {
        if (EventTypes.MEMBER_ERASED.equals(event.type())) {
            UUID memberId = memberId(event);
            MemberProjection.deleteById(memberId);
            Rsvp.update("memberId = null, givenName = null, familyName = null, email = null, emailNormalised = null, "
                    + "anonymised = true where memberId = ?1", memberId);
            return;
        }
        if (EventTypes.MEMBER_MERGED.equals(event.type())) {
            // The survivor has its own record; the merged id is gone.
            UUID merged = uuid(event, "mergedMemberId");
            UUID survivor = memberId(event);
            MemberProjection.deleteById(merged);
            // Where both had a live RSVP for the same timeslot, the duplicate's is cancelled instead of moved.
            rsvps.cancelDuplicates(merged, survivor);
            Rsvp.getEntityManager().flush();
            Rsvp.update("memberId = ?1 where memberId = ?2", survivor, merged);
            return;
        }
        String status;
        if (EventTypes.MEMBER_JOINED.equals(event.type())) {
            status = event.data().path("status").asText();
        } else if (EventTypes.MEMBER_STATUS_CHANGED.equals(event.type())) {
            status = event.data().path("toStatus").asText();
        } else {
            return; // types this service does not need
        }
        UUID memberId = memberId(event);
        MemberProjection member = MemberProjection.<MemberProjection>findByIdOptional(memberId).orElseGet(() -> {
            MemberProjection created = new MemberProjection();
            created.memberId = memberId;
            return created;
        });
        member.status = status;
        member.updatedAt = event.time() == null ? OffsetDateTime.now() : event.time();
        member.persist();
    }

    private static UUID memberId(IncomingEvent event) {
        return uuid(event, "memberId");
    }

    private static UUID uuid(IncomingEvent event, String field) {
        try {
            return UUID.fromString(event.data().path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " without a valid " + field, e);
        }
    }
}
