package org.grassroots.events.service;

import java.util.List;
import java.util.UUID;

/** A response as recorded at the stall. Contact details only with {@code contactConsent}. */
public record FeedbackDetails(UUID questionId, UUID timeslotId, String answer, List<String> topics,
                              boolean contactConsent, String contactName, String contactEmail, String contactPhone) {
}
