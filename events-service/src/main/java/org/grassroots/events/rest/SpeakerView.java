package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.Speaker;

import java.util.UUID;

@Schema(name = "SpeakerView")
public record SpeakerView(UUID id, UUID eventId, String name, @Schema(nullable = true) String organisation,
                          @Schema(nullable = true) String role, @Schema(nullable = true) String session,
                          @Schema(nullable = true) UUID timeslotId) {
    static SpeakerView of(Speaker s) {
        return new SpeakerView(s.id, s.eventId, s.name, s.organisation, s.role, s.session, s.timeslotId);
    }
}
