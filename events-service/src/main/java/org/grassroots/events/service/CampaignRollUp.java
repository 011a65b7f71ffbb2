package org.grassroots.events.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A campaign's figures: its events, per location and in total; counts only, no personal data. */
@Schema(name = "CampaignRollUp", description = "A campaign's figures: counts only, no personal data.")
public record CampaignRollUp(UUID campaignId, String name, Events events, List<Location> locations, Rsvps rsvps,
                             @Schema(description = "People who attended: RSVPs checked in and walk-ins") long attended,
                             @Schema(description = "People recorded as attending without a prior RSVP") long walkIns,
                             Feedback feedback) {

    @Schema(name = "CampaignRollUpEvents")
    public record Events(long total, Map<String, Long> byStatus) {
    }

    /** A place events were held: town and postcode. */
    @Schema(name = "CampaignRollUpLocation", description = "A place events were held: town and postcode")
    public record Location(String town, String postcode, long events, long accepted, long waitlisted,
                           long cancelled, long attended, long walkIns, long feedback) {
    }

    @Schema(name = "CampaignRollUpRsvps", description = "RSVPs by status; walk-ins are not RSVPs and not counted here")
    public record Rsvps(long accepted, long waitlisted, long cancelled) {
    }

    @Schema(name = "CampaignRollUpFeedback")
    public record Feedback(long responses, List<TopicCount> byTopic, List<LocationTopicCount> byTopicAndLocation) {
    }

    @Schema(name = "CampaignRollUpTopicCount")
    public record TopicCount(String topic, String label, long responses) {
    }

    @Schema(name = "CampaignRollUpLocationTopicCount")
    public record LocationTopicCount(String town, String postcode, String topic, long responses) {
    }
}
