package org.grassroots.members.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.events.PoisonEventException;
import org.grassroots.kit.inbox.EventHandler;
import org.grassroots.members.service.CouncillorRoleService;

import java.util.Set;
import java.util.UUID;

/** Sets and clears the councillor role from elections-service's office-holder events. */
@ApplicationScoped
public class OfficeHolderEventsHandler implements EventHandler {

    @Inject
    CouncillorRoleService councillors;

    @Override
    public String name() {
        return "councillor-role";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.OFFICE_HOLDERS);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode data = event.data();
        if (data == null || !data.path("holdsOfficeForOurParty").isBoolean()) {
            throw new PoisonEventException(event.type() + " without holdsOfficeForOurParty");
        }
        // A seat on a council makes a councillor; one in Parliament (or a mayoralty) does not.
        String organisationType = data.path("organisationType").asText("");
        boolean council = organisationType.endsWith("-council") || organisationType.equals("london-borough");
        councillors.officeHolderChanged(event.uuid("officeHolderId"), optionalUuid(data, "memberId", event),
                council && data.path("holdsOfficeForOurParty").booleanValue(), event.time());
    }

    private static UUID optionalUuid(JsonNode data, String field, IncomingEvent event) {
        return data.path(field).isNull() || data.path(field).isMissingNode() ? null : event.uuid(field);
    }
}
