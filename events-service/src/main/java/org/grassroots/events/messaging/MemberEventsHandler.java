package org.grassroots.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.grassroots.events.domain.MemberProjection;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.events.PoisonEventException;
import org.grassroots.kit.inbox.EventHandler;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Keeps {@link MemberProjection} from the member lifecycle topic. */
@ApplicationScoped
public class MemberEventsHandler implements EventHandler {

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
            MemberProjection.deleteById(memberId(event));
            return;
        }
        if (EventTypes.MEMBER_MERGED.equals(event.type())) {
            // The survivor has its own record; the merged id is gone.
            MemberProjection.deleteById(uuid(event, "mergedMemberId"));
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
