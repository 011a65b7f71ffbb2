package org.grassroots.events.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A campaign's figures: its events, per location and in total; counts only, no personal data. */
public record CampaignRollUp(UUID campaignId, String name, Events events, List<Location> locations, Rsvps rsvps,
                             long attended, Feedback feedback) {

    public record Events(long total, Map<String, Long> byStatus) {
    }

    /** A place events were held: town and postcode. */
    public record Location(String town, String postcode, long events, long accepted, long waitlisted,
                           long cancelled, long attended, long feedback) {
    }

    public record Rsvps(long accepted, long waitlisted, long cancelled) {
    }

    public record Feedback(long responses, List<TopicCount> byTopic, List<LocationTopicCount> byTopicAndLocation) {
    }

    public record TopicCount(String topic, String label, long responses) {
    }

    public record LocationTopicCount(String town, String postcode, String topic, long responses) {
    }
}
