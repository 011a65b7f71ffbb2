package org.grassroots.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.Speaker;

import java.util.UUID;

@Schema(name = "SpeakerView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeakerView(UUID id, UUID eventId, String name, String organisation, String role, String session,
                          UUID timeslotId) {
    static SpeakerView of(Speaker s) {
        return new SpeakerView(s.id, s.eventId, s.name, s.organisation, s.role, s.session, s.timeslotId);
    }
}
